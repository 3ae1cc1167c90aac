import { CorsOrigins, originAllowed } from "../../../../../cors-origins"
import { storeRefusal } from "../../../../../messages/refusal"

/**
 * Refuses a `return_url` Inbank's bank page would send the shopper to, unless it is on a storefront
 * origin the store allows (`projectConfig.http.storeCors`): otherwise the bank step is an open
 * redirect from a trusted page. The validator has already required an http(s) URL; this checks the
 * scheme again so the rule holds on its own. 400 `invalid_return_url`, field `return_url`.
 *
 * @returns the URL as the WHATWG parser serialises it, which is what goes to Inbank: a string that
 * another parser could read differently (`http://sklep.pl\@evil.example/`, a leading space, a
 * line break) is never forwarded as typed.
 */
export function checkReturnUrl(returnUrl: string, storeCors: CorsOrigins): string {
  const url = URL.canParse(returnUrl) ? new URL(returnUrl) : null
  if (url && (url.protocol === "https:" || url.protocol === "http:") && originAllowed(url.origin, storeCors))
    return url.href
  throw storeRefusal("invalid_return_url", { field: "return_url" })
}
