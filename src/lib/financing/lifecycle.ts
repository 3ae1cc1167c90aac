import type { SessionStatus } from "./derive-state"

/**
 * What Medusa holds for one Inbank application: the payment session that names it (by its current
 * or a replaced UUID), that session's payment, and the order placed from its cart. Only the
 * session, payment and order this application is attached to appear here: a superseded
 * application's news must never reach the order another application paid for.
 */
export interface MedusaSide {
  /** The cart's Inbank session naming this application, or null (deleted, replaced, never made). */
  session: { status: string } | null
  /**
   * The application had a session and it is gone: Medusa deleted it (the cart changed, the shopper
   * applied again or chose another payment method). False while the session is being made.
   */
  sessionGone: boolean
  /** That session's payment, or null before authorization. */
  payment: { captured: boolean; canceled: boolean } | null
  /** The order placed from the cart, or null. */
  order: { canceled: boolean; fulfilled: boolean } | null
}

/**
 * One step that makes Medusa agree with Inbank, in the order they are taken:
 * - `complete_cart`: Inbank authorized or activated, no order yet: Medusa's process-payment-workflow
 *   (AUTHORIZED) authorizes the session and completes the cart;
 * - `authorize_payment`: an order exists but its payment was never made (placed while Inbank was
 *   still processing, `pending_authorization`): the same workflow authorizes the session for it;
 * - `capture_payment`: the contract is activated and the payment not captured (SUCCESSFUL);
 * - `cancel_payment`: Inbank cancelled, terminated or declined, the payment is not settled;
 * - `mark_session`: the same with no payment yet: the session shows Inbank's status;
 * - `cancel_order`: Inbank cancelled or terminated the contract of a placed order with nothing
 *   fulfilled, and the merchant asked for it (`autoCancelOrders`);
 * - `cancel_financing`: Inbank still offers or holds credit that no order will use (the order was
 *   cancelled in Medusa, or the application's session is gone): the contract, else the application,
 *   is cancelled at Inbank (decideCancellation). Decided again on every run until Inbank confirms.
 */
export type LifecycleAction =
  | "complete_cart"
  | "authorize_payment"
  | "capture_payment"
  | "cancel_payment"
  | "mark_session"
  | "cancel_order"
  | "cancel_financing"

/** Inbank states in which credit is still on offer or signed and may still be cancelled through the API. */
const LIVE: ReadonlySet<SessionStatus> = new Set(["pending", "requires_more", "pending_authorization", "authorized"])

/**
 * The steps for one application, from Inbank's state (its derived session status) and Medusa's
 * side. Taking them and deciding again converges: each is only decided while Medusa is not there.
 * Pure: throws nothing; an empty list means Medusa already agrees with Inbank.
 *
 * @param inbank the session status derived from Inbank's answer (deriveState).
 * @param medusa the session, payment and order this application is attached to.
 * @param options the plugin's settings that change a decision.
 * @param options.autoCancelOrders plugin option: cancel the order when Inbank ends the contract.
 */
export function decideLifecycle(
  inbank: SessionStatus,
  medusa: MedusaSide,
  options: { autoCancelOrders: boolean },
): LifecycleAction[] {
  const { session, payment, order } = medusa
  if (!session) return medusa.sessionGone && LIVE.has(inbank) ? ["cancel_financing"] : []
  if (order?.canceled && LIVE.has(inbank)) {
    return payment && !payment.canceled && !payment.captured
      ? ["cancel_payment", "cancel_financing"]
      : ["cancel_financing"]
  }
  // An activated contract of a cancelled order is financed: only Inbank's Partner Portal ends it (staff are told).
  if (order?.canceled && inbank === "captured") return []
  if (inbank === "authorized" || inbank === "captured") {
    const actions: LifecycleAction[] = []
    if (!payment) actions.push(order ? "authorize_payment" : "complete_cart")
    if (inbank === "captured" && !payment?.captured && !payment?.canceled) actions.push("capture_payment")
    return actions
  }
  if (inbank === "canceled" || inbank === "error") {
    const actions: LifecycleAction[] = []
    if (payment && !payment.canceled && !payment.captured) actions.push("cancel_payment")
    else if (!payment && session.status !== inbank) actions.push("mark_session")
    if (inbank === "canceled" && order && !order.canceled && !order.fulfilled && options.autoCancelOrders)
      actions.push("cancel_order")
    return actions
  }
  return []
}
