/** Periods offered when neither the plugin's `periods` option nor Inbank's product narrow them further (months). */
export const COMMON_PERIODS = [3, 6, 10, 12, 20, 24, 30, 36, 48]

/** Where Inbank may be offered: the plugin's options, and Inbank's product for what they leave open (GET /products). */
export interface OfferRange {
  minAmount: string | null
  maxAmount: string | null
  /** The plugin's `periods` option, when set (months). */
  periods: number[] | null
  /** The product's shortest and longest period (months), when Inbank gives them. */
  minPeriod: number | null
  maxPeriod: number | null
}

/**
 * The periods the shop offers (months, ascending): the `periods` option, else the common ones,
 * within the product's shortest and longest. The one list the offers route advertises and the
 * application route accepts, so a product page never quotes an instalment the checkout refuses.
 */
export function offeredPeriods(range: OfferRange): number[] {
  return [...(range.periods ?? COMMON_PERIODS)]
    .filter(
      (p) => (range.minPeriod === null || p >= range.minPeriod) && (range.maxPeriod === null || p <= range.maxPeriod),
    )
    .sort((a, b) => a - b)
}
