import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible"
import type { OffersLimits } from "../../lib/plugin-options"
import type { PluginHttpError } from "../http-error"
import { storeRefusal } from "../messages/refusal"

const MINUTE_SECONDS = 60

/** Who an answer's Inbank calculations are spent for. */
export interface Spender {
  /** The amount is a price of the shop's catalogue (see catalogue-amounts.ts): it may use the whole budget. */
  catalogue: boolean
  /** The client's address (`req.ip`); only amounts that are not catalogue prices count against it. */
  client: string
}

/**
 * The Inbank calculations the public offers route may start, in this process, in windows of a minute
 * (rate-limiter-flexible's in-memory fixed windows). Catalogue prices draw on the whole budget; other
 * amounts first on their own share, so at least `calculationsPerMinute − otherAmountCalculationsPerMinute`
 * are left for catalogue prices whatever other amounts are asked, and first on their client's count of
 * new amounts. In memory on purpose: a refusal during a flood costs microseconds and no database or
 * Redis round trip, and it limits the same process whose caches the calls fill.
 */
export class CalculationBudget {
  private readonly all: RateLimiterMemory
  private readonly other: RateLimiterMemory
  private readonly perClient: RateLimiterMemory

  constructor(limits: OffersLimits) {
    this.all = new RateLimiterMemory({ points: limits.calculationsPerMinute, duration: MINUTE_SECONDS })
    this.other = new RateLimiterMemory({ points: limits.otherAmountCalculationsPerMinute, duration: MINUTE_SECONDS })
    this.perClient = new RateLimiterMemory({ points: limits.newAmountsPerClientPerMinute, duration: MINUTE_SECONDS })
  }

  /**
   * Takes `calls` calculations for one answer, all or none; zero calls (everything cached) is always allowed.
   * @throws PluginHttpError 429 `offers_client_limit` (this client asked too many new amounts this minute)
   *   or 503 `offers_busy` (the process's budget for such amounts is spent), both with Retry-After.
   */
  async spend(calls: number, spender: Spender): Promise<void> {
    if (calls === 0) return
    if (!spender.catalogue) {
      await this.perClient.consume(spender.client, 1).catch(refuse(clientLimit))
      await this.other.consume("calculations", calls).catch(refuse(busy))
    }
    await this.all.consume("calculations", calls).catch(refuse(busy))
  }
}

const clientLimit = (retryAfterSeconds: number) =>
  storeRefusal("offers_client_limit", { field: "amount", retryAfterSeconds })

const busy = (retryAfterSeconds: number) => storeRefusal("offers_busy", { retryAfterSeconds })

/** A limiter's refusal becomes the plugin's answer; anything else (a bug) is thrown as it is. */
function refuse(answer: (retryAfterSeconds: number) => PluginHttpError) {
  return (error: unknown): never => {
    if (error instanceof RateLimiterRes) throw answer(error.msBeforeNext / 1000)
    throw error
  }
}
