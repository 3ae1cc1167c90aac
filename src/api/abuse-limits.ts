import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible"
import type { LimitedAction, RateLimits } from "../lib/rate-limit-options"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import type { MessageCode } from "./messages/catalogue"
import { retryIn } from "./messages/params"
import { storeRefusal } from "./messages/refusal"

/** What a limit counts by. The order is the order of counting (see consumeLimits). */
const DIMENSIONS = ["perIp", "perCart", "perApplication", "perIdentity", "perPhone"] as const
type Dimension = (typeof DIMENSIONS)[number]

/** The values one request is counted under: ids as they are, a person or an address as its keyed hash. */
export type LimitKeys = Partial<Record<Dimension, string | null>>

const REFUSAL: Record<LimitedAction, { code: MessageCode; field?: string }> = {
  application: { code: "too_many_applications" },
  smsSend: { code: "too_many_sms" },
  codeConfirm: { code: "too_many_code_attempts", field: "code" },
}

/** The form field a refusal names for the application's per-person limits. */
const APPLICATION_FIELD: Partial<Record<Dimension, string>> = { perIdentity: "applicant.identity_code", perPhone: "applicant.mobile" }

/**
 * One limiter per (knex, action, dimension): its counters are rows of `inbank_rate_limit`, shared by every
 * instance.
 */
const limiters = new WeakMap<object, Map<string, RateLimiterPostgres>>()

function limiterFor(knex: object, limits: RateLimits, action: LimitedAction, dimension: Dimension): RateLimiterPostgres | undefined {
  const limit = (limits[action] as Partial<Record<Dimension, { points: number; windowSeconds: number }>>)[dimension]
  if (!limit) return undefined
  let byName = limiters.get(knex)
  if (!byName) limiters.set(knex, (byName = new Map<string, RateLimiterPostgres>()))
  const name = `${action}-${dimension}`
  let limiter = byName.get(name)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: knex,
      storeType: "knex",
      tableName: "inbank_rate_limit",
      tableCreated: true,
      // Expired rows of every limiter share the table: one limiter per process clears them (every 5 minutes).
      clearExpiredByTimeout: byName.size === 0,
      keyPrefix: name,
      points: limit.points,
      duration: limit.windowSeconds,
    })
    byName.set(name, limiter)
  }
  return limiter
}

/**
 * Counts one request of `action` under each of its keys and throws a 429 PluginHttpError (catalogue
 * code and message saying when to try again, `Retry-After` = when that counter frees up) at the first limit it exceeds.
 * Counting runs in DIMENSIONS order and stops at the first refusal: a client over its address's or its
 * cart's limit does not use up the quota of the person it names (whom a flood could otherwise lock out).
 * A missing key (no address, a record from before the keys were stored) is not counted.
 *
 * The counters live in PostgreSQL (rate-limiter-flexible's Postgres store, table `inbank_rate_limit`
 * from the module's migration), so every Medusa instance on the database shares them.
 */
export async function consumeLimits(scope: MedusaContainer, action: LimitedAction, keys: LimitKeys): Promise<void> {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as object
  const { rateLimits } = scope.resolve<InbankModuleService>(INBANK_MODULE).settings
  for (const dimension of DIMENSIONS) {
    const key = keys[dimension]
    const limiter = key ? limiterFor(knex, rateLimits, action, dimension) : undefined
    if (!key || !limiter) continue
    try {
      await limiter.consume(key)
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error
      const refusal = REFUSAL[action]
      const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000)
      throw storeRefusal(refusal.code, {
        field: action === "application" ? APPLICATION_FIELD[dimension] : refusal.field,
        params: { retry: retryIn(retryAfterSeconds) },
        retryAfterSeconds,
      })
    }
  }
}
