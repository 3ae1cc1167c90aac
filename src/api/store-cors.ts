import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, parseCorsOrigins } from "@medusajs/framework/utils"
import cors from "cors"

type CorsHandler = ReturnType<typeof cors>

/**
 * The store's CORS (`projectConfig.http.storeCors`, as Medusa applies it to `/store`) for a storefront
 * route outside `/store`: Medusa's documentation has custom routes outside its prefixes bring their own.
 */
export function storeCors() {
  const handlers = new WeakMap<ConfigModule, CorsHandler>()
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const config = req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
    let handler = handlers.get(config)
    if (!handler) {
      handler = cors({ origin: parseCorsOrigins(config.projectConfig.http.storeCors), credentials: true })
      handlers.set(config, handler)
    }
    handler(req, res, next)
  }
}
