/** The record fields that say where an Inbank application belongs. */
export interface ApplicationOwner {
  cart_id: string
  payment_collection_id: string | null
  payment_session_id: string | null
}

/** The Medusa side that wants to use the application: a cart, its payment collection and session. */
export interface PaymentClaim {
  cartId: string
  paymentCollectionId: string
  paymentSessionId: string
}

/** verifyApplicationOwner's answer: ok, or the reason a completion must be refused. */
export type OwnershipVerdict =
  | { ok: true }
  | { ok: false; reason: "unknown_application" | "other_cart" | "other_payment_collection" | "other_payment_session" }

/**
 * One application, one cart, one payment collection, one session — so one order: a cart completes
 * into one order, and the application route is the only place that makes an Inbank session (it
 * writes the record's cart, collection and session). Any session that names an application whose
 * record says otherwise was copied and must not be authorized or captured.
 *
 * @param record the application's record, or undefined when the store has none.
 * @param claim the cart, collection and session about to be paid with it.
 */
export function verifyApplicationOwner(record: ApplicationOwner | undefined, claim: PaymentClaim): OwnershipVerdict {
  if (!record) return { ok: false, reason: "unknown_application" }
  if (record.cart_id !== claim.cartId) return { ok: false, reason: "other_cart" }
  if (record.payment_collection_id !== null && record.payment_collection_id !== claim.paymentCollectionId) {
    return { ok: false, reason: "other_payment_collection" }
  }
  // The route saves the session id just after the session exists; until then the cart and collection decide.
  if (record.payment_session_id !== null && record.payment_session_id !== claim.paymentSessionId) {
    return { ok: false, reason: "other_payment_session" }
  }
  return { ok: true }
}
