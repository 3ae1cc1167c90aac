import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { LRUCache } from "lru-cache"
import type InbankModuleService from "../../modules/inbank/service"
import { buildOffers } from "./build-offers"
import { CalculationBudget, Spender } from "./calculation-budget"
import { CatalogueAmounts } from "./catalogue-amounts"

export interface OffersAnswer {
  body: Buffer
  /** Set before Express sends the body, so it does not hash the same body again for every request. */
  etag: string
}

interface AnswerRequest extends Spender {
  /** PLN with two decimals. */
  price: string
  requested?: number
}

/** As long as the module keeps Inbank's calculations: the answer for a price changes only with them. */
const TTL_MS = 10 * 60_000
/** Catalogue answers (≈ 1.5 kB each for nine periods): room for ≈ 10 000 prices and quantities. */
const CATALOGUE_BYTES = 16 * 2 ** 20
const OTHER_ANSWERS = 2_000

/**
 * Whole answers of the public offers route, serialized, in this process, in two segments: catalogue
 * prices (times 1–10) in one that only they enter, so that no flood of other amounts can evict them;
 * every other amount in the other. Stale-while-revalidate: after ten minutes an answer is still served
 * while it is rebuilt in the background, and kept if the rebuild fails (budget spent, Inbank down).
 * Concurrent requests for one key share one build, and its calculations are spent from the budget once.
 */
export class OffersAnswers {
  private readonly catalogueAnswers: LRUCache<string, OffersAnswer, AnswerRequest>
  private readonly otherAnswers: LRUCache<string, OffersAnswer, AnswerRequest>

  constructor(
    inbank: InbankModuleService,
    private readonly catalogue: CatalogueAmounts,
    budget: CalculationBudget,
    ttlMs = TTL_MS,
  ) {
    const build = async (
      _key: string,
      _stale: OffersAnswer | undefined,
      { context }: { context: AnswerRequest },
    ): Promise<OffersAnswer> => {
      const body = Buffer.from(
        JSON.stringify(
          await buildOffers(inbank, context.price, context.requested, (calls) => budget.spend(calls, context)),
        ),
      )
      return { body, etag: `W/"${createHash("sha1").update(body).digest("base64url")}"` }
    }
    const staleWhileRevalidate = {
      ttl: ttlMs,
      allowStale: true,
      noDeleteOnStaleGet: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: build,
    }
    this.catalogueAnswers = new LRUCache<string, OffersAnswer, AnswerRequest>({
      ...staleWhileRevalidate,
      maxSize: CATALOGUE_BYTES,
      sizeCalculation: (answer) => answer.body.length,
    })
    this.otherAnswers = new LRUCache<string, OffersAnswer, AnswerRequest>({
      ...staleWhileRevalidate,
      max: OTHER_ANSWERS,
    })
  }

  /** The fresh answer for a key (`price:period`), if cached: the hot path, synchronous, no lookup of the catalogue. */
  fresh(key: string): OffersAnswer | undefined {
    return this.catalogueAnswers.get(key, { allowStale: false }) ?? this.otherAnswers.get(key, { allowStale: false })
  }

  /**
   * A stale answer at once (rebuilt in the background), else a new one built within the budget.
   * @throws PluginHttpError 429/503 from the budget, and what buildOffers throws (400 `period`, InbankError).
   */
  async answer(key: string, request: Omit<AnswerRequest, "catalogue">): Promise<OffersAnswer> {
    const catalogue = await this.catalogue.has(request.price)
    const segment = catalogue ? this.catalogueAnswers : this.otherAnswers
    return (await segment.fetch(key, { context: { ...request, catalogue } }))!
  }
}

const perModule = new WeakMap<InbankModuleService, OffersAnswers>()

/** This process's answers for the plugin's module (its options set the budget), created on first use. */
export function offersAnswers(inbank: InbankModuleService, container: MedusaContainer): OffersAnswers {
  let answers = perModule.get(inbank)
  if (!answers) {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const onLoadError = (error: unknown) =>
      logger.warn(
        `Inbank offers: the catalogue's PLN prices could not be read (${(error as Error).message}); until they are, they are limited as other amounts`,
      )
    answers = new OffersAnswers(
      inbank,
      new CatalogueAmounts(() => distinctPlnPrices(knex), onLoadError),
      new CalculationBudget(inbank.settings.offersLimits),
    )
    perModule.set(inbank, answers)
  }
  return answers
}

/**
 * The distinct PLN amounts of Medusa's pricing module (variant prices, price lists), read from its
 * `price` table in one statement. Not `listPrices`: it loads every price row through the ORM, measured
 * 0.8 s for 10 000 PLN prices and 5–7 s and ≈ 100 MB for 50 000, against 12–21 ms and 47–231 ms here.
 * If Medusa's schema changes and this fails, a warning is logged and catalogue prices are limited as other amounts.
 */
async function distinctPlnPrices(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: { amount: string }[] }>(
    "select distinct amount::text as amount from price where currency_code = 'pln' and deleted_at is null",
  )
  return rows.map((row) => row.amount)
}
