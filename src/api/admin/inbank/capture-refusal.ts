import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_PROVIDER_ID } from "../../../lib/financing/provider-id"
import { PluginHttpError } from "../../http-error"

/**
 * Refuses to capture (approve at Inbank) an Inbank payment whose order is cancelled in Medusa: the
 * capture would activate credit for goods that will not ship. Medusa's own capture does not look at
 * the order, and a cancel Inbank failed to confirm leaves the payment open (the plugin retries that
 * cancel). Throws PluginHttpError 400 `order_canceled`; other providers' payments pass.
 */
export async function refuseCaptureOfCancelledOrder(container: MedusaContainer, paymentId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({ entity: "payment", fields: ["provider_id", "payment_collection_id"], filters: { id: paymentId } })
  const payment = payments[0] as { provider_id: string; payment_collection_id: string } | undefined
  if (payment?.provider_id !== INBANK_PROVIDER_ID) return
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order.status"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  if ((links as { order?: { status: string } }[]).some((link) => link.order?.status === "canceled")) {
    throw new PluginHttpError(400, "order_canceled", "Zamówienie jest anulowane: jego finansowania Inbank nie można zatwierdzić.", { field: "order_id" })
  }
}
