import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible"

const WINDOW_SECONDS = 15 * 60

/**
 * SMS codes are short: without a limit they could be guessed. Each cart gets `attempts` per
 * 15 minutes for one kind of request (sending codes, confirming codes). The counters live in the
 * database (table from the module's migration), so every Medusa instance shares them.
 */
export function smsRateLimit(kind: "send" | "confirm", attempts = 5) {
  const limiters = new WeakMap<object, RateLimiterPostgres>()
  const limiterFor = (knex: object) => {
    let limiter = limiters.get(knex)
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: knex,
        storeType: "knex",
        tableName: "inbank_rate_limit",
        tableCreated: true,
        clearExpiredByTimeout: true,
        keyPrefix: `sms-${kind}`,
        points: attempts,
        duration: WINDOW_SECONDS,
      })
      limiters.set(knex, limiter)
    }
    return limiter
  }

  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      await limiterFor(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)).consume(req.params.id)
      next()
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error)
      const retryAfter = Math.ceil(error.msBeforeNext / 1000)
      res.setHeader("Retry-After", String(retryAfter))
      res.status(429).json({
        type: "too_many_attempts",
        message: `code: too many attempts for this cart (${attempts} per ${WINDOW_SECONDS / 60} minutes); try again in ${retryAfter} s`,
        retriable: true,
      })
    }
  }
}
