import type {
  BigNumberRawValue,
  ICartModuleService,
  IPaymentModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { storeRefusal } from "../../../../messages/refusal"
import { INBANK_MODULE } from "../../../../../modules/inbank"
import type InbankModuleService from "../../../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../../../lib/financing/record-state"

import { INBANK_PROVIDER_ID } from "../../../../../lib/financing/provider-id"

export { INBANK_PROVIDER_ID }

export interface CartSession {
  id: string
  data: Record<string, unknown>
  raw_amount: BigNumberRawValue
  currency_code: string
}

export interface CartApplication {
  cart: { id: string; completed_at?: Date | string | null }
  record: InbankApplicationRecord
  /** The cart's Inbank payment session, which names the record's application. */
  session: CartSession
  inbank: InbankModuleService
}

/**
 * The cart's current Inbank application: the newest record of the cart, and only while the cart's
 * live Inbank payment session names it (Medusa deletes the session when the cart changes). No route
 * acts on an application the cart's own session does not point at. Module reads, not a cross-module
 * query: every step of the checkout starts here, and the query's joins cost as much as the rest.
 * @throws PluginHttpError 404 `cart_not_found`, or `application_not_found` when the cart has no current application.
 */
export async function findCartApplication(scope: MedusaContainer, cartId: string): Promise<CartApplication> {
  const inbank = scope.resolve<InbankModuleService>(INBANK_MODULE)
  const [cart, current] = await Promise.allSettled([
    scope.resolve<ICartModuleService>(Modules.CART).retrieveCart(cartId, { select: ["id", "completed_at"] }),
    currentRecord(scope, inbank, cartId),
  ])
  if (cart.status === "rejected") {
    const missing = cart.reason instanceof MedusaError && cart.reason.type === MedusaError.Types.NOT_FOUND
    throw missing ? storeRefusal("cart_not_found", { field: "cart_id" }) : cart.reason
  }
  if (current.status === "rejected") throw current.reason
  return { cart: cart.value, ...current.value, inbank }
}

async function currentRecord(
  scope: MedusaContainer,
  inbank: InbankModuleService,
  cartId: string,
): Promise<{ record: InbankApplicationRecord; session: CartSession }> {
  const notFound = storeRefusal("application_not_found")
  const record = await inbank.newestCartRecord(cartId)
  if (!record?.payment_session_id) throw notFound
  const [session] = await scope
    .resolve<IPaymentModuleService>(Modules.PAYMENT)
    .listPaymentSessions(
      { id: record.payment_session_id },
      { select: ["id", "provider_id", "data", "raw_amount", "currency_code"] },
    )
  const uuid = session?.data?.application_uuid
  const names =
    typeof uuid === "string" && (uuid === record.application_uuid || record.previous_uuids.uuids.includes(uuid))
  if (session?.provider_id !== INBANK_PROVIDER_ID || !names) throw notFound
  return { record, session: session as unknown as CartSession }
}

/**
 * The record, refreshed from Inbank when it does not know a contract yet: the cart's completion
 * creates the contract inside the payment provider, and the record learns it on its next refresh.
 */
export async function withKnownContract(
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
): Promise<InbankApplicationRecord> {
  return record.contract_uuid ? record : inbank.refreshNow(record.id)
}
