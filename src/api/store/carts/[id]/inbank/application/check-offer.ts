import BigNumber from "bignumber.js"
import type { InbankSettings, OfferRange } from "../../../../../../modules/inbank/service"
import { offeredPeriods } from "../../../../../../lib/financing/offered-periods"
import { oneOf, pln } from "../../../../../messages/params"
import { storeRefusal } from "../../../../../messages/refusal"

/**
 * The cart total inside the range agreed with Inbank (docs/inbank-api.md "Price range"), and one of the
 * periods the shop offers (offeredPeriods: the same list the offers route advertises). Answers the
 * period to apply for.
 * @throws PluginHttpError 400 `amount_below_minimum` / `amount_above_maximum` (field `amount`) or
 *   `period_not_offered` (field `period`), with the range or the choices in the message.
 */
export function checkOffer(
  amount: string,
  requested: number | undefined,
  range: OfferRange,
  settings: Pick<InbankSettings, "defaultPeriod">,
): number {
  const total = new BigNumber(amount)
  if (range.minAmount && total.lt(range.minAmount))
    throw storeRefusal("amount_below_minimum", { field: "amount", params: { min: pln(range.minAmount) } })
  if (range.maxAmount && total.gt(range.maxAmount))
    throw storeRefusal("amount_above_maximum", { field: "amount", params: { max: pln(range.maxAmount) } })
  const offered = offeredPeriods(range)
  const period = requested ?? settings.defaultPeriod ?? offered[0] ?? 12
  if (!offered.includes(period)) {
    throw storeRefusal("period_not_offered", { field: "period", params: { choices: oneOf(offered) } })
  }
  return period
}
