import { camelKey, renameKeysDeep, snakeKey } from "./key-casing"

export type SandboxVersion = "v2" | "v3"

/**
 * The path spelling of each API version (docs/inbank-api.md "Versions"): v3 writes hyphens where v2 has underscores.
 */
export const spellPath = (version: SandboxVersion, path: string) => (version === "v3" ? path.replace(/_/g, "-") : path)

/**
 * Reads a request body as the version speaks it: v2 snake_case, v3 camelCase. A key in the
 * other casing is ignored, as a server of that version would ignore it, so a client that
 * speaks the wrong dialect gets "is missing" answers instead of silent success.
 */
export function readBody(version: SandboxVersion, body: unknown): unknown {
  return renameKeysDeep(dropForeignKeys(version, body), camelKey)
}

/** Writes an answer body in the version's casing: v2 snake_case; v3 as the sandbox holds it, camelCase. */
export function writeBody(version: SandboxVersion, body: unknown): unknown {
  return version === "v2" ? renameKeysDeep(body, snakeKey) : body
}

function dropForeignKeys(version: SandboxVersion, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => dropForeignKeys(version, item))
  if (typeof value !== "object" || value === null) return value
  const foreign = version === "v2" ? /[A-Z]/ : /_/
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !foreign.test(key))
      .map(([key, inner]) => [key, dropForeignKeys(version, inner)]),
  )
}
