import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeRefusal } from "./messages/refusal"
import { refuseUnread } from "./refuse-unread"
import { findCartApplication } from "./store/carts/[id]/inbank/cart-application"

/** What the gate found for a request it let through: the keys of the one-upload-at-a-time rule. */
export interface GatedIncomeProof {
  cartId: string
  /** The Inbank application record's id (`inbank_app_…`), not the Inbank uuid. */
  applicationId: string
}

const gated = new WeakMap<MedusaRequest, GatedIncomeProof>()

/**
 * The cart and application requireIncomeProofStep checked for this request.
 * @throws Error when requireIncomeProofStep has not let this request through (a wiring mistake).
 */
export function gatedIncomeProof(req: MedusaRequest): GatedIncomeProof {
  const found = gated.get(req)
  if (!found) throw new Error("requireIncomeProofStep must run before this middleware")
  return found
}

/**
 * Runs before an income-proof upload's body is read: the cart must have its current Inbank
 * application (else 404 `application_not_found` or `cart_not_found`) and that application's `next_action` must be
 * `upload_income_proof` as the stored record derives it, the state the storefront was shown
 * (else 409 `income_proof_not_required`). A refused body is never read (see refuseUnread), and
 * nothing is asked of Inbank here.
 */
export async function requireIncomeProofStep(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
): Promise<void> {
  try {
    const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
    const { nextAction } = inbank.stateOf(record, { orderPlaced: Boolean(cart.completed_at) })
    if (nextAction !== "upload_income_proof") {
      throw storeRefusal("income_proof_not_required", { field: "files" })
    }
    gated.set(req, { cartId: cart.id, applicationId: record.id })
    next()
  } catch (error) {
    refuseUnread(res, next, error)
  }
}
