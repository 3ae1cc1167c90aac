import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MedusaError } from "@medusajs/framework/utils"
import { cancelInbankFinancingWorkflow } from "../workflows/cancel-inbank-financing"

/**
 * An order cancelled in Medusa ends its financing at Inbank (cancelInbankFinancingWorkflow). Medusa's
 * cancel already calls the provider for an authorized payment; this covers orders without one
 * (payment still awaiting). Orders Inbank does not finance are left alone.
 */
export default async function inbankOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await cancelInbankFinancingWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    // The workflow engine may hand back the step's error as a plain object: its type says what it was.
    if ((error as { type?: string }).type === MedusaError.Types.NOT_FOUND) return
    throw error
  }
}

export const config: SubscriberConfig = { event: "order.canceled" }
