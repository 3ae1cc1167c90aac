import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import { LRUCache } from "lru-cache"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import { withInbankErrors } from "../inbank-errors"
import { buildOffers, OffersContext } from "./build-offers"

interface OffersAnswer {
  body: Buffer
  /** Set before Express sends the body, so it does not hash the same body again for every request. */
  etag: string
}

/**
 * Whole answers, serialized, for a minute: product pages are the hottest path of a shop, and the
 * answer for a price changes only with Inbank's calculations (themselves cached ten minutes).
 * Concurrent requests for one price share one build.
 */
const offersAnswers = new LRUCache<string, OffersAnswer, OffersContext>({
  max: 2_000,
  ttl: 60_000,
  fetchMethod: async (_key, _stale, { context }) => {
    const body = Buffer.from(JSON.stringify(await buildOffers(context.inbank, context.price, context.requested)))
    return { body, etag: `W/"${createHash("sha1").update(body).digest("base64url")}"` }
  },
})

/**
 * Instalment offers for a price, for product pages and the cart: whether Inbank is offered
 * (PLN, inside the agreed range) and the monthly payment per period from Inbank's calculations.
 * Outside `/store` on purpose: the answer depends on the price alone (no customer, cart or sales
 * channel), and every product page asks it, so it skips the publishable-key lookup, locale and
 * customer authentication Medusa runs on every `/store` request; the store's CORS still applies
 * (middlewares.ts). One path segment on purpose too: Medusa's RoutesSorter registers top-level routes
 * before every nested one, so Express reaches this route after ≈ 80 layers instead of ≈ 1 230.
 */
export const GET = withInbankErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  const amount = String(req.query.amount ?? "")
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(amount) || new BigNumber(amount).isZero()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount: must be a price in PLN, e.g. 399 or 399.99")
  }
  const requested = req.query.period === undefined ? undefined : Number(req.query.period)
  if (requested !== undefined && !(Number.isInteger(requested) && requested > 0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "period: must be a number of months")
  }
  const currency = String(req.query.currency_code ?? "pln").toLowerCase()
  const price = new BigNumber(amount).toFixed(2)
  if (currency !== "pln") {
    res.json({ eligible: false, reason: "currency", amount: price, currency_code: currency, offers: [] })
    return
  }

  const key = `${price}:${requested ?? ""}`
  const answer = offersAnswers.get(key) ?? (await offersAnswers.fetch(key, { context: { inbank, price, requested } }))!
  res.set({ "Content-Type": "application/json; charset=utf-8", ETag: answer.etag }).send(answer.body)
})
