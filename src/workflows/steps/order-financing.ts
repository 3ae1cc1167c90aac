import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import { INBANK_PROVIDER_ID } from "../../lib/financing/provider-id"

/** An order paid with Inbank: its application record, the order's status and fulfilment, its Inbank payment. */
export interface OrderFinancing {
  inbank: InbankModuleService
  record: InbankApplicationRecord
  order: { id: string; status: string; fulfilled: boolean }
  payment: { id: string; captured_at: string | null; canceled_at: string | null } | null
}

/** The fields loadOrderFinancing asks query.graph for, as it answers them. */
interface GraphOrder extends OrderWithApplications<InbankApplicationRecord> {
  id: string
  status: string
  fulfillments?: { id: string }[]
  payment_collections?: { payments?: (NonNullable<OrderFinancing["payment"]> & { provider_id: string })[] }[]
}

/** An order as query.graph answers `cart.inbank_application.<fields>` for it. */
export type OrderWithApplications<T> = { cart?: { inbank_application?: T[] | null } | null }

/**
 * The application records of an order's cart, newest first, from a query.graph of the order that
 * asked for `cart.inbank_application.<fields>` (Medusa's order ↔ cart link, then the plugin's
 * read-only cart → records link, src/links/cart-inbank-applications.ts); `created_at` among the fields.
 */
export function orderApplications<T extends { created_at?: unknown }>(
  order: OrderWithApplications<T> | undefined,
): T[] {
  const createdAt = (record: T) => new Date(record.created_at as Date | string).getTime()
  return [...(order?.cart?.inbank_application ?? [])].sort((a, b) => createdAt(b) - createdAt(a))
}

/** The order's Inbank application (its cart's newest) and payment; 404 for an order not paid with Inbank. */
export async function loadOrderFinancing(scope: MedusaContainer, orderId: string): Promise<OrderFinancing> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
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
      "cart.inbank_application.*",
    ],
    filters: { id: orderId },
  })
  const order = (data as GraphOrder[])[0]
  const [record] = orderApplications(order)
  if (!record) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} is not financed by Inbank`)
  const payment = (order.payment_collections ?? [])
    .flatMap((c) => c.payments ?? [])
    .find((p) => p.provider_id === INBANK_PROVIDER_ID)
  return {
    inbank: scope.resolve<InbankModuleService>(INBANK_MODULE),
    record,
    order: { id: order.id, status: order.status, fulfilled: (order.fulfillments ?? []).length > 0 },
    payment: payment ?? null,
  }
}
