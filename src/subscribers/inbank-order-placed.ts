import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { orderApplications, type OrderWithApplications } from "../workflows/steps/order-financing"
import { sendInbankApprovalNotice } from "../workflows/notify-inbank-approval"

/**
 * Links the application's record to the order its cart became, for the admin's queue; then, when its
 * contract already waits for the merchant, tells staff in the admin's feed (notifyInbankApprovalWorkflow).
 */
export default async function inbankOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["cart.inbank_application.id", "cart.inbank_application.order_id", "cart.inbank_application.created_at"],
    filters: { id: event.data.id },
  })
  const [order] = data as OrderWithApplications<{ id: string; order_id: string | null; created_at: unknown }>[]
  const record = orderApplications(order).find((r) => !r.order_id)
  if (!record) return
  await container.resolve<InbankModuleService>(INBANK_MODULE).saveRecord({ id: record.id, order_id: event.data.id })
  await sendInbankApprovalNotice(container, record.id)
}

export const config: SubscriberConfig = { event: "order.placed" }
