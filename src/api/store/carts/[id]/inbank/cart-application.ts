import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../../../../../modules/inbank"
import type InbankModuleService from "../../../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../../../modules/inbank/record-state"

export const INBANK_PROVIDER_ID = "pp_inbank_inbank"

export interface CartForInbank {
  id: string
  currency_code: string
  completed_at: string | null
  total: unknown
  items: { title: string; product_title?: string | null; variant_title?: string | null; quantity: number; unit_price: unknown }[]
  payment_collection: {
    id: string
    raw_amount: { value: string }
    payment_sessions: { id: string; provider_id: string; data: Record<string, unknown> | null; status: string }[]
  } | null
}

export async function loadCart(scope: MedusaContainer, cartId: string): Promise<CartForInbank> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "completed_at",
      "total",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.unit_price",
      "payment_collection.id",
      "payment_collection.raw_amount",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.data",
      "payment_collection.payment_sessions.status",
    ],
    filters: { id: cartId },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  return data[0] as unknown as CartForInbank
}

export interface CartApplication {
  cart: CartForInbank
  record: InbankApplicationRecord
  inbank: InbankModuleService
}

/**
 * The cart's current Inbank application: the one its Inbank payment session names. Only that one:
 * no route acts on an application the cart's own session does not point at.
 */
export async function findCartApplication(scope: MedusaContainer, cartId: string): Promise<CartApplication> {
  const inbank = scope.resolve<InbankModuleService>(INBANK_MODULE)
  const cart = await loadCart(scope, cartId)
  const session = cart.payment_collection?.payment_sessions?.find((s) => s.provider_id === INBANK_PROVIDER_ID)
  const uuid = session?.data?.application_uuid
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "This cart has no Inbank application")
  if (typeof uuid !== "string") throw notFound
  const records = (await inbank.listInbankApplications({ cart_id: cart.id }, { order: { created_at: "DESC" } })) as unknown as InbankApplicationRecord[]
  const current = records.find((r) => r.application_uuid === uuid || r.previous_uuids.uuids.includes(uuid))
  if (!current) throw notFound
  return { cart, record: current, inbank }
}

/**
 * The record, refreshed from Inbank when it does not know a contract yet: the cart's completion
 * creates the contract inside the payment provider, and the record learns it on its next refresh.
 */
export async function withKnownContract(inbank: InbankModuleService, record: InbankApplicationRecord): Promise<InbankApplicationRecord> {
  return record.contract_uuid ? record : inbank.refreshNow(record.id)
}
