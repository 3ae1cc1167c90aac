import { hkdfSync } from "node:crypto"

/**
 * A 32-byte key for one purpose, derived from the Inbank API key with HKDF-SHA256 and a label
 * (RFC 5869). Anything a shopper can see or that is stored (session bindings, hashed phone numbers
 * and identities in rate-limit keys) is keyed by such a derived key, never by the API key itself:
 * a leaked MAC is then no offline oracle for guessing the API key's other uses. Memoised per
 * (apiKey, label) by callers; cheap anyway (one HKDF, microseconds).
 *
 * @param apiKey the shop's Inbank API key (the secret shared with Inbank).
 * @param label what the key is for, e.g. "medusa-payment-inbank/session-binding/v1".
 */
export function deriveKey(apiKey: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", apiKey, "medusa-payment-inbank", label, 32))
}
