import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Callback authenticity (direct API guide, "Callback authenticity validation"; docs/inbank-api.md "Callbacks"):
 * hex HMAC-SHA512 keyed by the shop's API key over `timestamp + "." + message`.
 */

export const DEFAULT_CALLBACK_TOLERANCE_SECONDS = 300

/** A callback's fields as parseCallbackForm read them, `message` in both forms from the one field. */
export interface CallbackFields {
  /** The form-decoded `message` field: the JSON text. */
  message: string
  /** The same `message` field exactly as it stood in the raw form body, still URL-encoded. */
  rawMessage: string
  hmac: string
  timestamp: string
}

export type CallbackVerification =
  { ok: true; timestampMs: number } | { ok: false; reason: "malformed" | "bad_signature" | "stale" }

/**
 * Signs a callback as Inbank does (docs/inbank-api.md "Callbacks"): hex HMAC-SHA512 keyed by `apiKey` over
 * `timestamp + "." + message`, for tests and the sandbox. Never throws.
 * @param timestamp the `timestamp` field as sent (Unix seconds or milliseconds, as text).
 * @param message the `message` field's JSON text.
 * @returns 128 hex characters.
 */
export function signCallback(apiKey: string, timestamp: string, message: string): string {
  return createHmac("sha512", apiKey).update(`${timestamp}.${message}`).digest("hex")
}

/**
 * The table documents seconds (1549411200), the example sends milliseconds (1722587395319):
 * anything above 10^11 is read as milliseconds (10^11 seconds is the year 5138).
 */
export function parseCallbackTimestamp(timestamp: string): number | undefined {
  if (!/^\d{9,14}$/.test(timestamp.trim())) return undefined
  const value = Number(timestamp.trim())
  return value > 1e11 ? value : value * 1000
}

const HEX_SHA512 = /^[0-9a-f]{128}$/

function sameHmac(expectedHex: string, givenHex: string): boolean {
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(givenHex, "hex"))
}

/**
 * The PHP example signs the decoded JSON text, the Postman one may sign the encoded form:
 * both are accepted (docs/inbank-api.md "Callbacks": our decision), each compared in constant time.
 */
export function verifyCallback(
  fields: CallbackFields,
  apiKey: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): CallbackVerification {
  // The vendor's example hmac is wrapped over two lines; whitespace is never part of hex.
  const given = fields.hmac.replace(/\s+/g, "").toLowerCase()
  const timestampMs = parseCallbackTimestamp(fields.timestamp)
  if (!HEX_SHA512.test(given) || timestampMs === undefined || !fields.message) {
    return { ok: false, reason: "malformed" }
  }

  const timestamp = fields.timestamp.trim()
  // Both forms of the one field parseCallbackForm read: whichever matches, its decoded text is what is used.
  const candidates = new Set([fields.message, fields.rawMessage])
  let matched = false
  for (const candidate of candidates) {
    // Every candidate is checked so the time taken does not tell which one matched.
    matched = sameHmac(signCallback(apiKey, timestamp, candidate), given) || matched
  }
  if (!matched) return { ok: false, reason: "bad_signature" }

  const tolerance = (options.toleranceSeconds ?? DEFAULT_CALLBACK_TOLERANCE_SECONDS) * 1000
  const now = options.now ?? Date.now()
  if (Math.abs(now - timestampMs) > tolerance) return { ok: false, reason: "stale" }

  return { ok: true, timestampMs }
}
