import type { FetchedState } from "inbank-partner-api"

/**
 * What ending an application's financing takes at Inbank, decided from what Inbank says now:
 * - `cancel_contract`: a contract exists and is not activated (partner API reference, POST
 *   /contracts/:uuid/cancel; `unsigned` and `signed` contracts);
 * - `cancel_application`: no contract yet and the application is still open (POST
 *   /applications/:uuid/cancel) — a declined or failed application has nothing to cancel;
 * - `refuse_activated`: an activated contract is financed; the Partner API cannot cancel it, the
 *   merchant does that in the Partner Portal;
 * - `nothing`: already cancelled or terminated, or declined.
 * The one rule every path follows (the provider's cancelPayment, the admin's cancel, the order's
 * cancellation), so Inbank is never asked twice and never asked for what it refuses.
 */
export type Cancellation =
  | { action: "cancel_contract"; contractUuid: string }
  | { action: "cancel_application"; applicationUuid: string }
  | { action: "refuse_activated"; contractUuid: string; contractNumber: string | null }
  | { action: "nothing"; reason: "already_ended" | "declined" }

const OPEN_DECISIONS = new Set(["pending", "manual", "positive", "income_proof_required"])

/** The cancellation for an application and its contract as fetched from Inbank (fetchState). */
export function decideCancellation({ application, contract }: FetchedState): Cancellation {
  if (contract) {
    const { status, uuid, number } = contract.contract
    if (status === "cancelled" || status === "terminated") return { action: "nothing", reason: "already_ended" }
    if (status === "activated")
      return { action: "refuse_activated", contractUuid: uuid, contractNumber: number ?? null }
    return { action: "cancel_contract", contractUuid: uuid }
  }
  const credit = application.creditApplication
  if (credit.processStatus === "cancelled") return { action: "nothing", reason: "already_ended" }
  if (!OPEN_DECISIONS.has(credit.decisionStatus)) return { action: "nothing", reason: "declined" }
  return { action: "cancel_application", applicationUuid: credit.uuid }
}
