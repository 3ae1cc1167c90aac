import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../../../../../modules/inbank"
import type InbankModuleService from "../../../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../../../modules/inbank/record-state"

export const INBANK_PROVIDER_ID = "pp_inbank_inbank"

/** What every route of a cart's application needs of the cart: no totals, which Medusa computes on each read. */
export interface CartSessions {
  id: string
  completed_at: string | null
  payment_collection: { payment_sessions: { provider_id: string; data: Record<string, unknown> | null }[] } | null
}

async function loadCartSessions(scope: MedusaContainer, cartId: string): Promise<CartSessions> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "payment_collection.payment_sessions.provider_id", "payment_collection.payment_sessions.data"],
    filters: { id: cartId },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  return data[0] as unknown as CartSessions
}

export interface CartApplication {
  cart: CartSessions
  record: InbankApplicationRecord
  inbank: InbankModuleService
}

/**
 * The cart's current Inbank application: the one its Inbank payment session names. Only that one:
 * no route acts on an application the cart's own session does not point at.
 */
export async function findCartApplication(scope: MedusaContainer, cartId: string): Promise<CartApplication> {
  const inbank = scope.resolve<InbankModuleService>(INBANK_MODULE)
  const cart = await loadCartSessions(scope, cartId)
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
