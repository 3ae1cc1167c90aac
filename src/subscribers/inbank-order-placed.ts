import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"

/** Links the application's record to the order its cart became, for the admin's queue. */
export default async function inbankOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: event.data.id } })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) return
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const [record] = await inbank.listInbankApplications({ cart_id: cartId, order_id: null }, { order: { created_at: "DESC" }, take: 1 })
  if (record) await inbank.saveRecord({ id: record.id, order_id: event.data.id })
}

export const config: SubscriberConfig = { event: "order.placed" }
