import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import BigNumber from "bignumber.js"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import { PLN_AMOUNT, plnAmount } from "../polish-input"
import { fieldLabel } from "../messages/field-labels"
import { storeRefusal } from "../messages/refusal"
import { withStoreRefusals } from "../with-store-refusals"
import { offersAnswers } from "./answers"

/**
 * Instalment offers for a price, for product pages and the cart: whether Inbank is offered
 * (PLN, inside the agreed range) and the monthly payment per period from Inbank's calculations.
 * Outside `/store` on purpose: the answer depends on the price alone (no customer, cart or sales
 * channel), and every product page asks it, so it skips the publishable-key lookup, locale and
 * customer authentication Medusa runs on every `/store` request; the store's CORS still applies
 * (middlewares.ts). One path segment on purpose too: Medusa's RoutesSorter registers top-level routes
 * before every nested one, so Express reaches this route after ≈ 80 layers instead of ≈ 1 230.
 * Public, so Inbank's calculations it starts are budgeted (answers.ts): over the budget, 429
 * `offers_client_limit` or 503 `offers_busy` with Retry-After, while catalogue prices keep their answers.
 */
export const GET = withStoreRefusals(async (req: MedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  // The price as the catalogue writes it, or as a person does ("399,99"): "399.99".
  const price = plnAmount(req.query.amount ?? "")
  if (typeof price !== "string" || !PLN_AMOUNT.test(price) || new BigNumber(price).isZero()) {
    throw storeRefusal("invalid_amount", { field: "amount", params: { field: fieldLabel("amount") } })
  }
  const requested = req.query.period === undefined ? undefined : Number(req.query.period)
  if (requested !== undefined && !(Number.isInteger(requested) && requested > 0))
    throw storeRefusal("invalid_period", { field: "period" })
  const currencyCode = req.query.currency_code ?? "pln"
  const currency = (typeof currencyCode === "string" ? currencyCode : "").toLowerCase()
  if (currency !== "pln") {
    res.json({ eligible: false, reason: "currency", amount: price, currency_code: currency, offers: [] })
    return
  }

  const key = `${price}:${requested ?? ""}`
  const answers = offersAnswers(inbank, req.scope)
  const answer = answers.fresh(key) ?? (await answers.answer(key, { price, requested, client: req.ip ?? "unknown" }))
  res.set({ "Content-Type": "application/json; charset=utf-8", ETag: answer.etag }).send(answer.body)
})
