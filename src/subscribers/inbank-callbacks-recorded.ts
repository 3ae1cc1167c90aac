import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CALLBACKS_RECORDED_EVENT, type CallbacksRecordedData } from "../modules/inbank"
import { processInbankCallback } from "../workflows/process-inbank-callback"

/**
 * One after the other, as Medusa's event bus runs its jobs: a burst of callbacks does not become a
 * burst of Inbank reads. A failure stays on its callback's record for the reconciliation job.
 */
export default async function inbankCallbacksRecorded({ event, container }: SubscriberArgs<CallbacksRecordedData>) {
  for (const id of event.data.ids) await processInbankCallback(container, id)
}

export const config: SubscriberConfig = { event: CALLBACKS_RECORDED_EVENT }
