import { CorsOrigins, originAllowed } from "../../../../../cors-origins"
import { PluginHttpError } from "../../../../../http-error"

/**
 * Refuses a `return_url` Inbank's bank page would send the shopper to, unless it is on a storefront
 * origin the store allows (`projectConfig.http.storeCors`): otherwise the bank step is an open
 * redirect from a trusted page. The validator has already required an http(s) URL; this checks the
 * scheme again so the rule holds on its own. 400 `invalid_return_url`, field `return_url`.
 */
export function checkReturnUrl(returnUrl: string, storeCors: CorsOrigins): void {
  const url = URL.canParse(returnUrl) ? new URL(returnUrl) : null
  if (url && (url.protocol === "https:" || url.protocol === "http:") && originAllowed(url.origin, storeCors)) return
  throw new PluginHttpError(400, "invalid_return_url", "Adres powrotu musi prowadzić do strony sklepu (return_url)", { field: "return_url" })
}
