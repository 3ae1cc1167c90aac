import type { CallbackFields } from "./signature"

/** parseCallbackForm's answer: the three fields, or why the body was refused (no field value in it). */
export type CallbackFormResult = { ok: true; fields: CallbackFields } | { ok: false; problem: string }

const FIELDS = ["message", "hmac", "timestamp"] as const
type Field = (typeof FIELDS)[number]
const PLAIN_NAME = /^[A-Za-z0-9_-]+$/

/**
 * The body of an Inbank callback (docs/inbank-api.md "Callbacks": an
 * `application/x-www-form-urlencoded` POST with `message`, `hmac` and `timestamp`), split into
 * fields once, here, and nowhere else. Whatever is verified is what is then decoded and used.
 *
 * Hand-written rather than `URLSearchParams` or `qs`: those decode names and keep the first or
 * last of repeated fields, so a second parser (or a second look with a regular expression) can read
 * another field than the one the HMAC was checked against — parameter pollution (docs/security.md).
 * Here a form is refused when:
 * - a name is not plain (`[A-Za-z0-9_-]`): `%6Dessage`, `messag%65`, `message%00`, `message[]`
 *   decode or parse to `message` elsewhere, and Inbank never encodes its names;
 * - `message`, `hmac` or `timestamp` appears twice, or in another case (`Message`);
 * - the bytes are not UTF-8, or a value is not valid URL encoding.
 * Other plain names are ignored (never read), so a field Inbank may add does not break callbacks.
 * Never throws: a refused body is `{ ok: false, problem }`.
 */
export function parseCallbackForm(body: Buffer | string): CallbackFormResult {
  let text: string
  try {
    text = typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body)
  } catch {
    return { ok: false, problem: "the body is not UTF-8" }
  }
  const raw = new Map<Field, string>()
  for (const pair of text.split("&")) {
    if (pair === "") continue
    const equals = pair.indexOf("=")
    const name = equals === -1 ? pair : pair.slice(0, equals)
    if (!PLAIN_NAME.test(name)) return { ok: false, problem: "field names must be plain letters, digits, _ or -" }
    const field = FIELDS.find((known) => known === name.toLowerCase())
    if (!field) continue
    if (name !== field) return { ok: false, problem: `${field} must be written in lower case` }
    if (raw.has(field)) return { ok: false, problem: `${field} appears more than once` }
    raw.set(field, equals === -1 ? "" : pair.slice(equals + 1))
  }
  const rawMessage = raw.get("message") ?? ""
  const decoded: Partial<Record<Field, string>> = {}
  for (const field of FIELDS) {
    const value = decodeFormValue(raw.get(field) ?? "")
    if (value === undefined) return { ok: false, problem: `${field} is not valid URL encoding` }
    decoded[field] = value
  }
  return {
    ok: true,
    fields: { message: decoded.message!, rawMessage, hmac: decoded.hmac!, timestamp: decoded.timestamp! },
  }
}

/**
 * A form value as the WHATWG urlencoded parser decodes it (`+` is a space), but strict: a malformed escape is
 * refused, not kept.
 */
function decodeFormValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "))
  } catch {
    return undefined
  }
}
