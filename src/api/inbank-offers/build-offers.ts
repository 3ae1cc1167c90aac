import BigNumber from "bignumber.js"
import type InbankModuleService from "../../modules/inbank/service"
import { offeredPeriods } from "../../lib/financing/offered-periods"
import { oneOf } from "../messages/params"
import { storeRefusal } from "../messages/refusal"

/**
 * Called with the number of calculations an answer needs from Inbank (not cached), before any is asked; throws to
 * refuse.
 */
export type SpendCalculations = (calls: number) => Promise<void>

/**
 * Whether Inbank is offered for a PLN price (inside the agreed range) and the monthly payment per
 * period from Inbank's calculations; a period Inbank does not offer is a 400 `period_not_offered`.
 * The calculations not cached are first taken from `spend` (the public route's budget), all or none.
 */
export async function buildOffers(
  inbank: InbankModuleService,
  price: string,
  requested: number | undefined,
  spend: SpendCalculations,
) {
  const range = await inbank.offerRange()
  if (
    (range.minAmount && new BigNumber(price).lt(range.minAmount)) ||
    (range.maxAmount && new BigNumber(price).gt(range.maxAmount))
  ) {
    return {
      eligible: false,
      reason: "amount_out_of_range",
      amount: price,
      currency_code: "pln",
      min_amount: range.minAmount,
      max_amount: range.maxAmount,
      offers: [],
    }
  }

  const periods = offeredPeriods(range)
  if (requested !== undefined && !periods.includes(requested)) {
    throw storeRefusal("period_not_offered", { field: "period", params: { choices: oneOf(periods) } })
  }
  const wanted = requested ? [requested] : periods
  await spend(wanted.filter((period) => !inbank.hasCalculation(price, period)).length)
  const calculations = await Promise.all(wanted.map((period) => inbank.calculate(price, period)))
  const offers = calculations.map((calc, i) => ({
    period: requested ?? periods[i],
    monthly_payment: calc.paymentAmountMonthly,
    interest_rate_annual: calc.interestRateAnnual ?? null,
    apr: calc.creditCostRateAnnual ?? null,
    total_cost: calc.totalCost ?? null,
    total_cost_of_credit: calc.totalCostOfCredit ?? null,
  }))
  const lowest = offers.reduce(
    (best, offer) => (new BigNumber(offer.monthly_payment).lt(best.monthly_payment) ? offer : best),
    offers[0],
  )
  return {
    eligible: true,
    amount: price,
    currency_code: "pln",
    periods,
    default_period: inbank.settings.defaultPeriod ?? null,
    offers,
    lowest_monthly_payment: lowest?.monthly_payment ?? null,
    // Whoever advertises the lowest instalment must show its representative example with it.
    representative_example: lowest ? representativeExample(price, lowest) : null,
  }
}

/**
 * The representative example of an offer (Polish Consumer Credit Act of 12 May 2011, art. 7: an
 * advert quoting a cost figure states the RRSO, the total amount of credit, the total amount to pay,
 * the period and the instalment, on a representative example): for the offer a badge advertises.
 * Amounts are PLN decimal strings; `apr` and `interest_rate_annual` fractions as Inbank gives them.
 */
export function representativeExample(
  amount: string,
  offer: {
    period: number
    monthly_payment: string
    interest_rate_annual: string | null
    apr: string | null
    total_cost: string | null
    total_cost_of_credit: string | null
  },
) {
  return {
    amount,
    period: offer.period,
    monthly_payment: offer.monthly_payment,
    interest_rate_annual: offer.interest_rate_annual,
    apr: offer.apr,
    total_cost_of_credit: offer.total_cost_of_credit,
    total_to_repay: offer.total_cost,
  }
}
