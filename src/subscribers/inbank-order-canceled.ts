import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import type { InbankApplicationRecord } from "../lib/financing/record-state"

/**
 * An order cancelled in Medusa ends its financing at Inbank. Medusa's cancel already calls the
 * provider for an authorized payment; this covers orders without one (payment still awaiting). The
 * module reads Inbank first and follows decideCancellation, so a contract is never cancelled twice.
 */
export default async function inbankOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: event.data.id } })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) return
  const [record] = await inbank.listInbankApplications({ cart_id: cartId }, { order: { created_at: "DESC" }, take: 1 })
  if (!record) return
  await inbank.cancelFinancing(record as unknown as InbankApplicationRecord)
}

export const config: SubscriberConfig = { event: "order.canceled" }
