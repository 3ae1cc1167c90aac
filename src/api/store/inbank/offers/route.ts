import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import { INBANK_MODULE } from "../../../../modules/inbank"
import type InbankModuleService from "../../../../modules/inbank/service"
import { withInbankErrors } from "../../../inbank-errors"

/** Periods offered when neither the options nor Inbank's product narrow them further. */
const COMMON_PERIODS = [3, 6, 10, 12, 20, 24, 30, 36, 48]

/**
 * Instalment offers for a price, for product pages and the cart: whether Inbank is offered
 * (PLN, inside the agreed range) and the monthly payment per period from Inbank's calculations.
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

  const range = await inbank.offerRange()
  if ((range.minAmount && new BigNumber(price).lt(range.minAmount)) || (range.maxAmount && new BigNumber(price).gt(range.maxAmount))) {
    res.json({ eligible: false, reason: "amount_out_of_range", amount: price, currency_code: "pln", min_amount: range.minAmount, max_amount: range.maxAmount, offers: [] })
    return
  }

  const periods = (range.periods ?? COMMON_PERIODS).filter(
    (p) => (range.minPeriod === null || p >= range.minPeriod) && (range.maxPeriod === null || p <= range.maxPeriod)
  )
  if (requested !== undefined && !periods.includes(requested)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period: ${requested} months is not offered; choose ${periods.join(", ")}`)
  }
  const calculations = await Promise.all((requested ? [requested] : periods).map((period) => inbank.calculate(price, period)))
  const offers = calculations.map((calc, i) => ({
    period: requested ?? periods[i],
    monthly_payment: calc.paymentAmountMonthly,
    interest_rate_annual: calc.interestRateAnnual ?? null,
    apr: calc.creditCostRateAnnual ?? null,
    total_cost: calc.totalCost ?? null,
    total_cost_of_credit: calc.totalCostOfCredit ?? null,
  }))
  const lowest = offers.reduce((best, offer) => (new BigNumber(offer.monthly_payment).lt(best.monthly_payment) ? offer : best), offers[0])
  res.json({
    eligible: true,
    amount: price,
    currency_code: "pln",
    periods,
    default_period: inbank.options.defaultPeriod ?? null,
    offers,
    lowest_monthly_payment: lowest?.monthly_payment ?? null,
  })
})
