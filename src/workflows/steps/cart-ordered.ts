import type { ICartModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const cartOrderedStepId = "inbank-cart-ordered"

/**
 * Whether the cart has become an order (`completed_at` set), read while the caller holds the cart's
 * completion lock (completeCartWorkflow locks the cart id): an answer no completion can overtake.
 * Answers `{ ordered: boolean }`; a missing cart counts as not ordered. Reads nothing of Inbank.
 */
export const cartOrderedStep = createStep(cartOrderedStepId, async (input: { cart_id: string }, { container }) => {
  const [cart] = await container
    .resolve<ICartModuleService>(Modules.CART)
    .listCarts({ id: input.cart_id }, { select: ["id", "completed_at"] })
  return new StepResponse({ ordered: Boolean(cart?.completed_at) })
})
