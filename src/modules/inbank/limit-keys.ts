import { createHmac } from "node:crypto"
import { isIPv6 } from "node:net"
import { deriveKey } from "../../lib/derived-key"

const LABEL = "medusa-payment-inbank/rate-limit-keys/v1"
const derived = new Map<string, Buffer>()

/**
 * The keyed hash (HMAC-SHA256, hex, 64 characters) a rate limit counts a person or an address by:
 * the value itself is never stored (on the application record nor in the limiter's table). `kind`
 * separates the domains, so a phone number and an identity with the same digits differ.
 */
function keyedHash(apiKey: string, kind: "phone" | "identity" | "ip", value: string): string {
  let key = derived.get(apiKey)
  if (!key) derived.set(apiKey, (key = deriveKey(apiKey, LABEL)))
  return createHmac("sha256", key).update(`${kind}:${value}`).digest("hex")
}

/**
 * A Polish mobile number's key: the form accepts `+48500100200`, `48500100200` and `500100200`
 * (validators.ts), all one phone, so the last nine digits are hashed.
 */
export function phoneKey(apiKey: string, mobile: string): string {
  return keyedHash(apiKey, "phone", mobile.replace(/\D/g, "").slice(-9))
}

/** A PESEL's key (the form has validated its eleven digits). */
export function identityKey(apiKey: string, pesel: string): string {
  return keyedHash(apiKey, "identity", pesel.trim())
}

/**
 * The client address a per-IP limit counts, hashed (an address is personal data too), or null when
 * Medusa gives none or `exempt` (the `rateLimits.exemptIps` option) names it. IPv4-mapped IPv6
 * counts as its IPv4 address; other IPv6 addresses count by their /64 network, since one
 * subscriber usually holds a whole /64 (an exempt address exempts its /64 too).
 */
export function ipKey(apiKey: string, ip: string | undefined, exempt: readonly string[] = []): string | null {
  const address = clientAddress(ip)
  if (!address || exempt.some((other) => clientAddress(other) === address)) return null
  return keyedHash(apiKey, "ip", address)
}

/** `ip` as the per-IP limits compare it: see ipKey. */
export function clientAddress(ip: string | undefined): string | null {
  if (!ip) return null
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]
  return isIPv6(ip) ? `${ipv6Groups(ip).slice(0, 4).join(":")}::/64` : ip
}

/**
 * The eight 16-bit groups of an IPv6 address, `::` expanded, without leading zeros. Hand-written:
 * Node has no parser that returns the groups, and these few lines do not justify a dependency.
 */
function ipv6Groups(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split("%")[0].split("::")
  const groups = (part: string | undefined) => (part ? part.split(":") : [])
  // A trailing dotted IPv4 part (e.g. 64:ff9b::1.2.3.4) holds two groups.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0)
  const before = groups(head)
  const after = groups(tail)
  const zeros = tail === undefined ? [] : new Array<string>(8 - width(before) - width(after)).fill("0")
  return [...before, ...zeros, ...after].map((group) => (group.includes(".") ? group : group.replace(/^0+(?=.)/, "")))
}
