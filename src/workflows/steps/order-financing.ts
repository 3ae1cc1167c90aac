import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import { INBANK_PROVIDER_ID } from "../../lib/financing/provider-id"

export interface OrderFinancing {
  inbank: InbankModuleService
  record: InbankApplicationRecord
  order: { id: string; status: string; fulfilled: boolean }
  payment: { id: string; captured_at: string | null; canceled_at: string | null } | null
}

/** The order's Inbank application and payment; 404 for an order not paid with Inbank. */
export async function loadOrderFinancing(scope: MedusaContainer, orderId: string): Promise<OrderFinancing> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const inbank = scope.resolve<InbankModuleService>(INBANK_MODULE)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  const [record] = cartId
    ? ((await inbank.listInbankApplications({ cart_id: cartId }, { order: { created_at: "DESC" }, take: 1 })) as unknown as InbankApplicationRecord[])
    : []
  if (!record) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} is not financed by Inbank`)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "fulfillments.id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const payment = (order.payment_collections ?? []).flatMap((c: any) => c.payments ?? []).find((p: any) => p.provider_id === INBANK_PROVIDER_ID)
  return {
    inbank,
    record,
    order: { id: order.id, status: order.status, fulfilled: (order.fulfillments ?? []).length > 0 },
    payment: payment ?? null,
  }
}
