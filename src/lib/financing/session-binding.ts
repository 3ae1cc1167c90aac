import { createHmac, timingSafeEqual } from "node:crypto"
import { deriveKey } from "../derived-key"

const BINDING_LABEL = "medusa-payment-inbank/session-binding/v1"
const keys = new Map<string, Buffer>()

/** What a session binding covers: one application, for one payment collection, for one amount. */
export interface BoundFields {
  applicationUuid: string
  paymentCollectionId: string
  /** PLN with two decimals, as Inbank has it (toInbankAmount). */
  amount: string
}

function bindingKey(apiKey: string): Buffer {
  let key = keys.get(apiKey)
  if (!key) keys.set(apiKey, (key = deriveKey(apiKey, BINDING_LABEL)))
  return key
}

/**
 * The hex HMAC-SHA256 the application route puts in the payment session's data, keyed by a key
 * derived from the API key (the storefront can read session data: the API key itself must not be
 * guessable offline from it).
 */
export function sessionBinding(apiKey: string, fields: BoundFields): string {
  return createHmac("sha256", bindingKey(apiKey))
    .update(`${fields.applicationUuid}|${fields.paymentCollectionId}|${fields.amount}`)
    .digest("hex")
}

/**
 * Whether session data carries the binding the application route made for its application, the
 * collection it names and this amount. It cannot tell which collection Medusa is creating the
 * session in (initiatePayment is not told): Medusa's generic session route is closed to Inbank
 * (refuse-generic-inbank-session.ts) and cart completion checks the record (workflows/hooks).
 */
export function isBoundSession(apiKey: string, data: Record<string, unknown> | undefined, amount: string): boolean {
  const { application_uuid: applicationUuid, payment_collection_id: paymentCollectionId, binding } = data ?? {}
  if (typeof applicationUuid !== "string" || typeof paymentCollectionId !== "string" || typeof binding !== "string")
    return false
  const expected = Buffer.from(sessionBinding(apiKey, { applicationUuid, paymentCollectionId, amount }))
  const given = Buffer.from(binding)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
