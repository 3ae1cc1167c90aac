/**
 * Deep key conversion between Inbank's two dialects. v2 speaks snake_case, v3 camelCase
 * (direct API guide, "CamelCase for Parameter Names"), and responses may come in either.
 *
 * Hand-written rather than a library: the maintained packages (camelcase-keys, change-case)
 * are ESM-only, which this CommonJS plugin build cannot require, and the older CommonJS ones
 * disagree with Inbank's own spelling of keys with digits (`dependants_over_18`).
 */

type Json = unknown

/** `credit_application` → `creditApplication`, `dependants_over_18` → `dependantsOver18`. */
export const toCamel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())

/** `creditApplication` → `credit_application`, `dependantsOver18` → `dependants_over_18` (Inbank's spelling). */
export const toSnake = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([a-zA-Z])([0-9]+)/g, "$1_$2")
    .toLowerCase()

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

function mapKeys(value: Json, rename: (key: string) => string): Json {
  if (Array.isArray(value)) {
    return value.map((item) => mapKeys(item, rename))
  }
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[rename(key)] = mapKeys(inner, rename)
    }
    return out
  }
  return value
}

/** A JSON value with every plain object's keys in camelCase, deeply (v3, and every answer); values untouched. */
export const camelizeKeys = (value: Json): Json => mapKeys(value, toCamel)
/** A JSON value with every plain object's keys in snake_case, deeply (v2 requests); values untouched. */
export const snakeizeKeys = (value: Json): Json => mapKeys(value, toSnake)
