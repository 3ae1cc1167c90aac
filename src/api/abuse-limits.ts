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
const APPLICATION_FIELD: Partial<Record<Dimension, string>> = {
  perIdentity: "applicant.identity_code",
  perPhone: "applicant.mobile",
}

/**
 * One limiter per (knex, action, dimension): its counters are rows of `inbank_rate_limit`, shared by every
 * instance.
 */
const limiters = new WeakMap<object, Map<string, RateLimiterPostgres>>()

function limiterFor(
  knex: object,
  limits: RateLimits,
  action: LimitedAction,
  dimension: Dimension,
): RateLimiterPostgres | undefined {
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
 * code and message saying when to try again, `Retry-After` = when that counter frees up) for the first
 * limit, in DIMENSIONS order, it exceeds. The counters are consumed at once (one database round trip
 * for the request, not one per key); those after the first refusal are given back, so a client over
 * its address's or its cart's limit does not use up the quota of the person it names (whom a flood
 * could otherwise lock out). A missing key (no address, a record from before the keys were stored) is
 * not counted. Rethrows a store error (not a refusal) the same way, after giving back the later counters.
 *
 * The counters live in PostgreSQL (rate-limiter-flexible's Postgres store, table `inbank_rate_limit`
 * from the module's migration), so every Medusa instance on the database shares them.
 */
export async function consumeLimits(scope: MedusaContainer, action: LimitedAction, keys: LimitKeys): Promise<void> {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as object
  const { rateLimits } = scope.resolve<InbankModuleService>(INBANK_MODULE).settings
  const counted = DIMENSIONS.flatMap((dimension) => {
    const key = keys[dimension]
    const limiter = key ? limiterFor(knex, rateLimits, action, dimension) : undefined
    return key && limiter ? [{ dimension, key, limiter }] : []
  })
  const outcomes = await Promise.allSettled(counted.map(({ limiter, key }) => limiter.consume(key)))
  const first = outcomes.findIndex((outcome) => outcome.status === "rejected")
  if (first === -1) return
  // A refused consume counts too (rate-limiter-flexible adds the point before it refuses); a failed one may not have.
  const tookPoint = (outcome: PromiseSettledResult<unknown>) =>
    outcome.status === "fulfilled" || outcome.reason instanceof RateLimiterRes
  const later = counted.slice(first + 1).filter((_, i) => tookPoint(outcomes[first + 1 + i]))
  await Promise.all(later.map(({ limiter, key }) => limiter.reward(key)))
  const error: unknown = (outcomes[first] as PromiseRejectedResult).reason
  if (!(error instanceof RateLimiterRes)) throw error
  const refusal = REFUSAL[action]
  const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000)
  throw storeRefusal(refusal.code, {
    field: action === "application" ? APPLICATION_FIELD[counted[first].dimension] : refusal.field,
    params: { retry: retryIn(retryAfterSeconds) },
    retryAfterSeconds,
  })
}
