import { MedusaError } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import type { InbankSettings, OfferRange } from "../../../../../../modules/inbank/service"

/**
 * The cart total inside the range agreed with Inbank (SPEC.md "Price range"), and a period the
 * offer allows. Answers the period to apply for.
 */
export function checkOffer(amount: string, requested: number | undefined, range: OfferRange, settings: Pick<InbankSettings, "defaultPeriod">): number {
  const total = new BigNumber(amount)
  if ((range.minAmount && total.lt(range.minAmount)) || (range.maxAmount && total.gt(range.maxAmount))) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `amount: the cart total ${amount} PLN is outside the range Inbank finances (${range.minAmount ?? "0.00"}–${range.maxAmount ?? "∞"} PLN)`
    )
  }
  const period = requested ?? settings.defaultPeriod ?? range.periods?.[0] ?? 12
  const allowed = range.periods
    ? range.periods.includes(period)
    : (range.minPeriod === null || period >= range.minPeriod) && (range.maxPeriod === null || period <= range.maxPeriod)
  if (!allowed) {
    const choices = range.periods ? range.periods.join(", ") : `${range.minPeriod ?? 1}–${range.maxPeriod ?? 120}`
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period: ${period} months is not offered; choose ${choices}`)
  }
  return period
}
