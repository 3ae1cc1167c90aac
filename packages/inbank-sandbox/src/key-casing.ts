/**
 * The two spellings of body keys: v2 writes snake_case, v3 camelCase ("product_code → productCode",
 * "partner_urls → partnerUrls": direct API guide 2025-02-25 and partner API reference 2024-07-19,
 * "CamelCase for Parameter Names").
 */

/** `partnerUrls` → `partner_urls`: each capital letter becomes an underscore and its lower case. */
export function snakeKey(key: string): string {
  let out = ""
  for (const char of key) out += char >= "A" && char <= "Z" ? `_${char.toLowerCase()}` : char
  return out
}

/** `partner_urls` → `partnerUrls`: an underscore followed by a letter or digit becomes that character in upper case. */
export function camelKey(key: string): string {
  return key
    .split("_")
    .reduce(
      (word, part, index) => (index === 0 || part === "" ? word + part : word + part[0].toUpperCase() + part.slice(1)),
      "",
    )
}

/**
 * A copy of a JSON value with every object key renamed by `rename`, at any depth; other values are kept as
 * they are.
 */
export function renameKeysDeep(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeysDeep(item, rename))
  if (value === null || typeof value !== "object" || value instanceof Date) return value
  const renamed: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) renamed[rename(key)] = renameKeysDeep(inner, rename)
  return renamed
}
