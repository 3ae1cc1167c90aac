import type { ContractStatus, DecisionStatus } from "inbank-partner-api"

/**
 * The one derivation of state: what Inbank says (fetched, never assumed) becomes the Medusa
 * payment session status and the storefront's next step. The provider, the store state route,
 * callbacks and the admin all read it from here.
 */

/** Medusa's payment session statuses (PaymentSessionStatus) the plugin derives from Inbank's state. */
export type SessionStatus =
  "pending" | "requires_more" | "error" | "authorized" | "captured" | "pending_authorization" | "canceled"

/** What the storefront should do next for the shopper (the store API's `next_action.type`). */
export type NextAction =
  | "wait"
  | "sign_application"
  | "complete_cart"
  | "sign_contract"
  | "bank_verification"
  | "upload_income_proof"
  | "declined"
  | "done"

/** Inbank's state as read (partner API reference, GET application and GET contract), plus what only Medusa knows. */
export interface InbankSnapshot {
  decisionStatus: DecisionStatus
  /** Inbank's process status of the application, when it sends one. */
  applicationProcessStatus?: string | null
  /** The application carries a signature (`confirmed_at`). */
  applicationSigned: boolean
  /** The partner's flow signs the application before the decision (provider option). */
  applicationSigningRequired: boolean
  contract?: { status: ContractStatus; processStatus?: string | null } | null
  /** The cart became an order already. */
  orderPlaced: boolean
}

/** The one derivation's result: Medusa's session status, the shopper's next step, finality. */
export interface DerivedState {
  sessionStatus: SessionStatus
  nextAction: NextAction
  /** Nothing further will happen at Inbank without the merchant or Inbank's staff. */
  final: boolean
  /** Signed and being processed by Inbank: worth polling (contract status, at most 15 s). */
  processing: boolean
}

const state = (
  sessionStatus: SessionStatus,
  nextAction: NextAction,
  final = false,
  processing = false,
): DerivedState => ({
  sessionStatus,
  nextAction,
  final,
  processing,
})

/**
 * The session status and next step for Inbank's state: a contract decides when there is one
 * (unsigned → sign it; signed → waiting for the merchant (authorized), for the customer's bank
 * verification, or processing; activated → captured; cancelled/terminated → canceled), else the
 * application's decision (positive → pending with complete_cart; income proof → requires_more;
 * declined → error; undecided → pending). Pure; never throws.
 */
export function deriveState(snapshot: InbankSnapshot): DerivedState {
  const { contract, orderPlaced } = snapshot
  const placedOr = (action: NextAction): NextAction => (orderPlaced ? "done" : action)

  if (contract) {
    switch (contract.status) {
      case "cancelled":
      case "terminated":
        return state("canceled", "declined", true)
      case "activated":
        return state("captured", placedOr("complete_cart"), true)
      case "unsigned":
        return state("requires_more", "sign_contract")
      case "signed":
        if (contract.processStatus === "waiting_for_partners_confirmation")
          return state("authorized", placedOr("complete_cart"))
        if (contract.processStatus === "waiting_for_customer_digital_verification")
          return state("requires_more", "bank_verification")
        return state("pending_authorization", placedOr("complete_cart"), false, true)
    }
  }

  if (snapshot.applicationProcessStatus === "cancelled") return state("canceled", "declined", true)

  switch (snapshot.decisionStatus) {
    case "positive":
      return state("pending", placedOr("complete_cart"))
    case "income_proof_required":
      return state("requires_more", "upload_income_proof")
    case "negative":
    case "manual_negative":
    case "failed":
      return state("error", "declined", true)
    case "pending":
    case "manual":
      return state(
        "pending",
        snapshot.applicationSigningRequired && !snapshot.applicationSigned ? "sign_application" : "wait",
      )
  }
}
