import DataLoader from "dataloader"
import type { IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { CALLBACKS_RECORDED_EVENT, type CallbacksRecordedData } from "../../../modules/inbank"

/** Callbacks recorded within this window go out in one event. */
const WINDOW_MS = 10
const MAX_PER_EVENT = 50

const triggers = new WeakMap<IEventBusModuleService, DataLoader<string, void>>()

/**
 * Asks for a recorded callback to be processed. One event per callback cost more of the callback
 * route's CPU than verifying and storing it (measured with Medusa's Redis event bus: each event is a
 * queue job), so the callbacks recorded within WINDOW_MS share one event. The route does not wait
 * for it: the callback is stored already, and the reconciliation job processes any whose event was
 * lost (process stopped, event bus down).
 */
export function triggerProcessing(eventBus: IEventBusModuleService, logger: Logger, callbackId: string): void {
  let trigger = triggers.get(eventBus)
  if (!trigger) {
    trigger = new DataLoader<string, void>((ids) => emitRecorded(eventBus, logger, [...ids]), {
      cache: false,
      maxBatchSize: MAX_PER_EVENT,
      batchScheduleFn: (emit) => setTimeout(emit, WINDOW_MS),
    })
    triggers.set(eventBus, trigger)
  }
  void trigger.load(callbackId)
}

async function emitRecorded(eventBus: IEventBusModuleService, logger: Logger, ids: string[]): Promise<void[]> {
  try {
    await eventBus.emit<CallbacksRecordedData>({ name: CALLBACKS_RECORDED_EVENT, data: { ids } })
  } catch (error) {
    logger.warn(
      `Inbank callbacks ${ids.join(", ")} are stored but their processing could not be queued (the reconciliation job will process them): ${(error as Error).message}`,
    )
  }
  return ids.map(() => undefined)
}
