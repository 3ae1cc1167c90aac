import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileInbank } from "../workflows/reconcile-inbank"

export default async function reconcileInbankJob(container: MedusaContainer) {
  await reconcileInbank(container)
}

export const config = {
  name: "inbank-reconciliation",
  /** Cron; INBANK_RECONCILE_SCHEDULE overrides it (read at startup). */
  schedule: process.env.INBANK_RECONCILE_SCHEDULE ?? "*/5 * * * *",
}
