import { camelizeKeys, snakeizeKeys } from "./casing"

export type ApiVersion = "v2" | "v3"
export type InbankEnvironment = "demo" | "production"

/** docs/inbank-api.md "Environments and auth": the documented API hosts. */
export const BASE_URLS: Record<InbankEnvironment, string> = {
  demo: "https://demo-api.inbank.pl",
  production: "https://api.inbank.pl",
}

/**
 * How one API version spells paths and bodies (docs/inbank-api.md "Versions"):
 * v2 `/partner/v2/`, underscores and snake_case; v3 `/partner/v3/`, hyphens and camelCase.
 * Query parameter names follow the body casing.
 */
export interface Dialect {
  version: ApiVersion
  /**
   * `shopPath(shop, "contracts/:uuid/merchant_approval", { uuid })` →
   * `/partner/v2/shops/<shop>/contracts/<uuid>/merchant_approval` (v3: `merchant-approval`).
   */
  shopPath(shopUuid: string, template: string, params?: Record<string, string>): string
  outgoing(body: unknown): unknown
}

/**
 * The paths and body casing of one API version (docs/inbank-api.md "Versions"): v2 snake_case and underscored
 * paths, v3 camelCase and hyphenated paths. Its `shopPath` throws TypeError for a missing path parameter or
 * one that is `.` or `..`.
 */
export function dialectFor(version: ApiVersion): Dialect {
  const word = (segment: string) => (version === "v3" ? segment.replace(/_/g, "-") : segment)
  return {
    version,
    shopPath: (shopUuid, template, params = {}) => {
      const segments = template.split("/").map((segment) => {
        if (!segment.startsWith(":")) return word(segment)
        const value = params[segment.slice(1)]
        if (!value) throw new TypeError(`${segment.slice(1)} is required`)
        // encodeURIComponent keeps dots: ".." would climb to another endpoint of the API.
        if (value === "." || value === "..") throw new TypeError(`${segment.slice(1)} is not an identifier`)
        return encodeURIComponent(value)
      })
      return ["", "partner", version, "shops", encodeURIComponent(shopUuid), ...segments].join("/")
    },
    outgoing: (body) => (version === "v3" ? body : snakeizeKeys(body)),
  }
}

/** Responses are accepted in either casing and normalised to camelCase, whatever the dialect. */
export const incoming = (body: unknown): unknown => camelizeKeys(body)

/** The host root. A `/partner/vN` suffix copied from Inbank's table is tolerated and dropped. */
export function resolveBaseUrl(environment: InbankEnvironment, baseUrl?: string): string {
  const url = baseUrl ?? BASE_URLS[environment]
  return url.replace(/\/+$/, "").replace(/\/partner\/v\d+$/, "")
}
