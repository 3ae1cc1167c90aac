import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { verifyApplicationOwner } from "../../lib/financing/application-ownership"
import { INBANK_PROVIDER_ID } from "../../lib/financing/provider-id"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"

interface HookCart {
  id: string
  payment_collection?: {
    id: string
    payment_sessions?: { id: string; provider_id: string; data?: Record<string, unknown> | null }[]
  } | null
}

/**
 * Before Medusa creates the order and authorizes the payment (completeCartWorkflow's `validate` hook,
 * which also runs when a callback completes the cart through process-payment-workflow): every Inbank
 * session of the cart must name an application whose record belongs to this cart, collection and
 * session. A session copied from another cart — the same signed contract paying a second order —
 * stops here with 400 and no order.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const { id: cartId, payment_collection: collection } = cart as unknown as HookCart
  const sessions = (collection?.payment_sessions ?? []).filter((session) => session.provider_id === INBANK_PROVIDER_ID)
  if (!collection || !sessions.length) return
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  for (const session of sessions) {
    const uuid = session.data?.application_uuid
    const record = typeof uuid === "string" ? await inbank.recordForApplication(uuid) : undefined
    const verdict = verifyApplicationOwner(record, {
      cartId,
      paymentCollectionId: collection.id,
      paymentSessionId: session.id,
    })
    if (!verdict.ok) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Płatność Inbank tego koszyka nie należy do niego (${verdict.reason}): złóż wniosek przez POST /store/carts/:id/inbank/application`,
      )
    }
  }
})
