import type { ContractStatus } from "inbank-partner-api"
import type { DerivedState } from "./derive-state"

/**
 * What merchant staff see: a state word (translated in the admin) and its badge colour. In the
 * admin queue's order of interest: the merchant's own work first.
 */
export const STAFF_STATES = [
  "awaiting_approval",
  "processing",
  "financed",
  "awaiting_decision",
  "awaiting_signature",
  "awaiting_income_proof",
  "awaiting_customer",
  "awaiting_bank_verification",
  "declined",
  "cancelled",
  "terminated",
  "cancellation_pending",
  "financed_order_cancelled",
] as const

export type StaffState = (typeof STAFF_STATES)[number]

/**
 * The states a record's stored staff state can be, which the queue filters by: all but the two about
 * an order Medusa cancelled (the record does not know its order's status; rows show them).
 */
export const RECORD_STAFF_STATES: readonly StaffState[] = STAFF_STATES.filter(
  (state) => state !== "cancellation_pending" && state !== "financed_order_cancelled",
)

export type BadgeColor = "green" | "orange" | "red" | "blue" | "grey"

/**
 * The state staff see for an application (derived from Inbank's last known state), and for an order
 * cancelled in Medusa: `cancellation_pending` while Inbank still holds credit for it (the plugin
 * retries the cancel until Inbank confirms), `financed_order_cancelled` when the contract was
 * activated anyway (only Inbank's Partner Portal can end it).
 */
export function staffState(
  derived: DerivedState,
  contractStatus?: ContractStatus | null,
  order?: { canceled: boolean },
): { state: StaffState; color: BadgeColor } {
  if (order?.canceled) {
    if (derived.sessionStatus === "captured") return { state: "financed_order_cancelled", color: "red" }
    if (!derived.final) return { state: "cancellation_pending", color: "orange" }
  }
  switch (derived.sessionStatus) {
    case "captured":
      return { state: "financed", color: "green" }
    case "authorized":
      return { state: "awaiting_approval", color: "orange" }
    case "pending_authorization":
      return { state: "processing", color: "blue" }
    case "error":
      return { state: "declined", color: "red" }
    case "canceled":
      return { state: contractStatus === "terminated" ? "terminated" : "cancelled", color: "red" }
  }
  switch (derived.nextAction) {
    case "bank_verification":
      return { state: "awaiting_bank_verification", color: "blue" }
    case "upload_income_proof":
      return { state: "awaiting_income_proof", color: "blue" }
    case "sign_contract":
    case "sign_application":
      return { state: "awaiting_signature", color: "blue" }
    case "complete_cart":
      return { state: "awaiting_customer", color: "grey" }
    default:
      return { state: "awaiting_decision", color: "grey" }
  }
}
