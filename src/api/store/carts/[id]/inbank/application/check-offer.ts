import { MedusaError } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import type { InbankSettings, OfferRange } from "../../../../../../modules/inbank/service"
import { offeredPeriods } from "../../../../../../lib/financing/offered-periods"

/**
 * The cart total inside the range agreed with Inbank (docs/inbank-api.md "Price range"), and one of the periods
 * the shop offers (offeredPeriods: the same list the offers route advertises). Answers the period to
 * apply for; throws MedusaError INVALID_DATA / NOT_ALLOWED naming `period` / `amount`.
 */
export function checkOffer(amount: string, requested: number | undefined, range: OfferRange, settings: Pick<InbankSettings, "defaultPeriod">): number {
  const total = new BigNumber(amount)
  if ((range.minAmount && total.lt(range.minAmount)) || (range.maxAmount && total.gt(range.maxAmount))) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `amount: the cart total ${amount} PLN is outside the range Inbank finances (${range.minAmount ?? "0.00"}–${range.maxAmount ?? "∞"} PLN)`
    )
  }
  const offered = offeredPeriods(range)
  const period = requested ?? settings.defaultPeriod ?? offered[0] ?? 12
  if (!offered.includes(period)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period: ${period} months is not offered; choose ${offered.join(", ")}`)
  }
  return period
}
