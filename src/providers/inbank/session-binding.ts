import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Medusa's own store route (POST /store/payment-collections/:id/payment-sessions) lets a client
 * choose a session's data. The plugin's application route signs the application UUID and amount
 * it created with the API key; the provider refuses data it did not sign, so no cart can take
 * another cart's application.
 */
export function sessionBinding(apiKey: string, applicationUuid: string, amount: string): string {
  return createHmac("sha256", apiKey).update(`${applicationUuid}|${amount}`).digest("hex")
}

export function isBoundSession(apiKey: string, data: Record<string, unknown> | undefined, amount: string): boolean {
  const { application_uuid: uuid, binding } = data ?? {}
  if (typeof uuid !== "string" || typeof binding !== "string") return false
  const expected = Buffer.from(sessionBinding(apiKey, uuid, amount))
  const given = Buffer.from(binding)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
