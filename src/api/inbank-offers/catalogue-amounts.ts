import BigNumber from "bignumber.js"
import { LRUCache } from "lru-cache"

/** A product page's badge follows the chosen quantity (demo storefront, docs/storefront.md): price × 1 … 10. */
const QUANTITIES = 10
const REFRESH_MS = 5 * 60_000

/** PLN prices as Medusa's pricing module stores them: major units, e.g. 399 or "399.99". */
export type LoadPrices = () => Promise<Array<string | number>>

/**
 * The amounts a storefront asks for real products: every PLN price in Medusa's pricing module
 * (variant prices and price lists) times 1 to 10, as whole grosze. Loaded on the first question,
 * then refreshed in the background every five minutes (one query; until it answers, the previous set
 * holds). A price added meanwhile counts as another amount until the next refresh. A failed read is
 * reported to `onLoadError` and tried again at the next refresh, not at every question: meanwhile the
 * previous set holds, or none (every amount is then limited as another amount, but still answered).
 */
export class CatalogueAmounts {
  private readonly cache: LRUCache<"grosze", Set<number>>

  constructor(loadPrices: LoadPrices, onLoadError: (error: unknown) => void) {
    this.cache = new LRUCache<"grosze", Set<number>>({
      max: 1,
      ttl: REFRESH_MS,
      allowStale: true,
      noDeleteOnStaleGet: true,
      fetchMethod: async (_key, previous) => {
        try {
          return toGrosze(await loadPrices())
        } catch (error) {
          onLoadError(error)
          return previous ?? new Set()
        }
      },
    })
  }

  /** Whether `price` (PLN, two decimals) is a catalogue price times 1 to 10. */
  async has(price: string): Promise<boolean> {
    const grosze = await this.cache.fetch("grosze")
    return grosze!.has(new BigNumber(price).times(100).toNumber())
  }
}

function toGrosze(prices: Array<string | number>): Set<number> {
  const grosze = new Set<number>()
  for (const price of prices) {
    const unit = new BigNumber(price).times(100)
    // The route accepts two decimals at most: a price with more can never be asked as it is.
    if (!unit.isInteger() || unit.lte(0)) continue
    // Whole grosze times 1–10 stay far below 2^53, where doubles multiply integers exactly (and 5× faster than
    // BigNumber).
    const unitGrosze = unit.toNumber()
    for (let quantity = 1; quantity <= QUANTITIES; quantity++) grosze.add(unitGrosze * quantity)
  }
  return grosze
}
