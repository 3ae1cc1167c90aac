import type { MedusaRequest } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, parseCorsOrigins } from "@medusajs/framework/utils"

/** An origin list as Medusa's CORS applies it (the `cors` package): exact strings and `/regex/` entries. */
export type CorsOrigins = (string | RegExp)[]

const parsed = new WeakMap<ConfigModule, Partial<Record<"adminCors" | "storeCors", CorsOrigins>>>()

/** `projectConfig.http.adminCors` or `storeCors`, parsed by Medusa's parseCorsOrigins (once per configuration). */
export function corsOrigins(req: MedusaRequest, which: "adminCors" | "storeCors"): CorsOrigins {
  const config = req.scope.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  let lists = parsed.get(config)
  if (!lists) parsed.set(config, (lists = {}))
  return (lists[which] ??= parseCorsOrigins(config.projectConfig.http[which] ?? ""))
}

/**
 * Whether `origin` is in the list, matched as Medusa's CORS matches it: a string entry exactly (so
 * `*` in a list matches no origin, as in Medusa), a regex entry by `test`.
 */
export function originAllowed(origin: string, allowed: CorsOrigins): boolean {
  return allowed.some((entry) => (typeof entry === "string" ? entry === origin : entry.test(origin)))
}
