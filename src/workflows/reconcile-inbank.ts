import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { nextReconciliation } from "../lib/financing/reconciliation-schedule"
import { applyInbankState } from "./apply-inbank-state"
import { processInbankCallback } from "./process-inbank-callback"

const BATCH = 100
/** Reads of Inbank one run makes at most; the rest wait for the next run (every 5 minutes by default). */
const MAX_READS_PER_RUN = 1_000
const MAX_CALLBACK_ATTEMPTS = 10

/** What one reconciliation run did (counts). */
export interface ReconcileReport {
  callbacksRetried: number
  /** Applications read from Inbank and applied. */
  applicationsChecked: number
  /** Due applications changed within the quiet period: left to their callbacks, rescheduled unread. */
  applicationsPostponed: number
  failures: number
}

/** Test and operator overrides of one run. */
export interface ReconcileOptions {
  /** The quiet period in ms (default: the plugin's `reconcileAfterMinutes`); tests pass 0. */
  olderThanMs?: number
  /** Records per SELECT (default 100). */
  batchSize?: number
}

/**
 * For what callbacks did not settle. Callbacks whose processing failed are retried; then every
 * application whose `check_after` is due is read from Inbank and Medusa is made to agree
 * (applyInbankState), selected in SQL and paged through, so finished records never crowd out one
 * that needs attention. Each read one gets its next time from nextReconciliation (null: never
 * again); one changed within the quiet period is left to its callbacks and rescheduled unread;
 * a failure is retried after the quiet period.
 */
export async function reconcileInbank(
  container: MedusaContainer,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const quietMs = options.olderThanMs ?? inbank.settings.reconcileAfterMinutes * 60_000
  const batchSize = options.batchSize ?? BATCH
  const asOf = new Date()
  const report: ReconcileReport = { callbacksRetried: 0, applicationsChecked: 0, applicationsPostponed: 0, failures: 0 }

  const callbacks = await inbank.listInbankCallbacks(
    {
      processed_at: null,
      attempts: { $lt: MAX_CALLBACK_ATTEMPTS },
      created_at: { $lte: new Date(asOf.getTime() - quietMs) },
    },
    { take: BATCH, order: { created_at: "ASC" } },
  )
  for (const callback of callbacks) {
    await processInbankCallback(container, callback.id)
    report.callbacksRetried += 1
  }

  const seen: string[] = []
  while (report.applicationsChecked < MAX_READS_PER_RUN) {
    const due = await inbank.recordsDueForReconciliation(asOf, batchSize, seen)
    if (!due.length) break
    for (const record of due) {
      seen.push(record.id)
      const quietUntil = new Date(new Date(record.updated_at).getTime() + quietMs)
      if (quietUntil > asOf) {
        await inbank.scheduleReconciliation(record.id, quietUntil)
        report.applicationsPostponed += 1
        continue
      }
      report.applicationsChecked += 1
      try {
        const applied = await applyInbankState(container, record.id)
        const now = new Date()
        const orderPlaced = Boolean(applied.orderId)
        const next = nextReconciliation({
          derived: applied.derived,
          orderPlaced,
          createdAt: new Date(record.created_at),
          now,
          quietMs,
        })
        await inbank.scheduleReconciliation(record.id, next)
      } catch (error) {
        report.failures += 1
        await inbank.scheduleReconciliation(record.id, new Date(Date.now() + quietMs))
        logger.warn(
          `Inbank reconciliation of application ${record.application_uuid} failed: ${(error as Error).message}`,
        )
      }
    }
  }
  return report
}
