/**
 * Inbank's identifiers (applications, contracts, shops) are UUIDs written as 36 characters of hex
 * in 8-4-4-4-12 groups (every example of the partner API reference and the direct API guide, e.g.
 * `59d2194c-634f-4632-91b6-300b58e628ce`). The version nibble is not checked: Inbank does not
 * document which version it issues.
 */
const INBANK_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether a value from outside is an Inbank UUID, safe to put in a URL path or a query. */
export function isInbankUuid(value: unknown): value is string {
  return typeof value === "string" && INBANK_UUID.test(value)
}
