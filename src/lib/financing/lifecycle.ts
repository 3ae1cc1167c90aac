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
 *   fulfilled, and the merchant asked for it (`autoCancelOrders`).
 */
export type LifecycleAction = "complete_cart" | "authorize_payment" | "capture_payment" | "cancel_payment" | "mark_session" | "cancel_order"

/**
 * The steps for one application, from Inbank's state (its derived session status) and Medusa's
 * side. Taking them and deciding again converges: each is only decided while Medusa is not there.
 *
 * @param inbank the session status derived from Inbank's answer (deriveState).
 * @param medusa the session, payment and order this application is attached to.
 * @param options.autoCancelOrders plugin option: cancel the order when Inbank ends the contract.
 */
export function decideLifecycle(inbank: SessionStatus, medusa: MedusaSide, options: { autoCancelOrders: boolean }): LifecycleAction[] {
  const { session, payment, order } = medusa
  if (!session) return []
  if (inbank === "authorized" || inbank === "captured") {
    const actions: LifecycleAction[] = []
    if (order?.canceled) return []
    if (!payment) actions.push(order ? "authorize_payment" : "complete_cart")
    if (inbank === "captured" && !payment?.captured && !payment?.canceled) actions.push("capture_payment")
    return actions
  }
  if (inbank === "canceled" || inbank === "error") {
    const actions: LifecycleAction[] = []
    if (payment && !payment.canceled && !payment.captured) actions.push("cancel_payment")
    else if (!payment && session.status !== inbank) actions.push("mark_session")
    if (inbank === "canceled" && order && !order.canceled && !order.fulfilled && options.autoCancelOrders) actions.push("cancel_order")
    return actions
  }
  return []
}
