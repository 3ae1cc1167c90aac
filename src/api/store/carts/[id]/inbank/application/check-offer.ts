import BigNumber from "bignumber.js"
import type { InbankSettings, OfferRange } from "../../../../../../modules/inbank/service"
import { oneOf, pln } from "../../../../../messages/params"
import { storeRefusal } from "../../../../../messages/refusal"

/**
 * The cart total inside the range agreed with Inbank (SPEC.md "Price range"), and a period the
 * offer allows. Answers the period to apply for.
 * @throws PluginHttpError 400 `amount_below_minimum` / `amount_above_maximum` (field `amount`) or
 *   `period_not_offered` (field `period`), with the range or the choices in the message.
 */
export function checkOffer(amount: string, requested: number | undefined, range: OfferRange, settings: Pick<InbankSettings, "defaultPeriod">): number {
  const total = new BigNumber(amount)
  if (range.minAmount && total.lt(range.minAmount)) throw storeRefusal("amount_below_minimum", { field: "amount", params: { min: pln(range.minAmount) } })
  if (range.maxAmount && total.gt(range.maxAmount)) throw storeRefusal("amount_above_maximum", { field: "amount", params: { max: pln(range.maxAmount) } })
  const period = requested ?? settings.defaultPeriod ?? range.periods?.[0] ?? 12
  const allowed = range.periods
    ? range.periods.includes(period)
    : (range.minPeriod === null || period >= range.minPeriod) && (range.maxPeriod === null || period <= range.maxPeriod)
  if (!allowed) {
    const choices = range.periods ? oneOf(range.periods) : `${range.minPeriod ?? 1}–${range.maxPeriod ?? 120}`
    throw storeRefusal("period_not_offered", { field: "period", params: { choices } })
  }
  return period
}
