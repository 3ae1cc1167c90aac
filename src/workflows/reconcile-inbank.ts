import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import type { InbankApplicationRecord } from "../lib/financing/record-state"
import { applyInbankState } from "./apply-inbank-state"
import { processInbankCallback } from "./process-inbank-callback"

const BATCH = 100
const MAX_CALLBACK_ATTEMPTS = 10

export interface ReconcileReport {
  callbacksRetried: number
  applicationsChecked: number
  failures: number
}

/**
 * For what callbacks did not settle: callbacks whose processing failed are retried, and
 * applications not final and unchanged for `reconcileAfterMinutes` are read from Inbank and applied.
 */
export async function reconcileInbank(container: MedusaContainer, options: { olderThanMs?: number } = {}): Promise<ReconcileReport> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const threshold = new Date(Date.now() - (options.olderThanMs ?? inbank.settings.reconcileAfterMinutes * 60_000))
  const report: ReconcileReport = { callbacksRetried: 0, applicationsChecked: 0, failures: 0 }

  const callbacks = await inbank.listInbankCallbacks(
    { processed_at: null, attempts: { $lt: MAX_CALLBACK_ATTEMPTS }, created_at: { $lte: threshold } },
    { take: BATCH, order: { created_at: "ASC" } }
  )
  for (const callback of callbacks) {
    await processInbankCallback(container, callback.id)
    report.callbacksRetried += 1
  }

  const records = (await inbank.listInbankApplications(
    { cancelled_at: null, updated_at: { $lte: threshold } },
    { take: BATCH, order: { updated_at: "ASC" } }
  )) as unknown as InbankApplicationRecord[]
  for (const record of records) {
    const derived = inbank.stateOf(record, { orderPlaced: Boolean(record.order_id) })
    if (derived.final && (record.order_id || derived.sessionStatus !== "captured")) continue
    report.applicationsChecked += 1
    try {
      await applyInbankState(container, record.id)
    } catch (error) {
      report.failures += 1
      logger.warn(`Inbank reconciliation of application ${record.application_uuid} failed: ${(error as Error).message}`)
    }
  }
  return report
}
