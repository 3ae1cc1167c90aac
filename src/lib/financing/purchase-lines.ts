import BigNumber from "bignumber.js"

/**
 * One cart line as Medusa totals it: `total` is what the shopper pays for the line (after discounts, with tax),
 * PLN.
 */
export interface CartLine {
  name: string
  quantity: number
  /** Decimal string or number, PLN. */
  total: string | number
}

/**
 * One line of the application's `purchase.items` (docs/inbank-api.md "Endpoints", POST /applications,
 * `purchase`): price per unit, PLN, two decimals.
 */
export interface PurchaseLine {
  name: string
  quantity: number
  price: string
}

const SHIPPING = "Dostawa"
const ADJUSTMENT = "Rabaty i korekty"

/**
 * The purchase lines Inbank receives with an application, adding up to the financed amount to the
 * grosz: each item at what the shopper pays for it (Medusa's line total, discounts and tax included)
 * split into a unit price that divides it exactly (and one unit carrying the remainder when it does
 * not: 3 for 100.00 PLN is 2 × 33.33 and 1 × 33.34), shipping as its own line, and one line for
 * whatever else Medusa counts in the total (cart-level adjustments), so the sum is always exact.
 * Lines of 0.00 are left out, except items (a free gift still goes to the customer).
 *
 * @param lines the cart's items with Medusa's totals.
 * @param shippingTotal Medusa's `shipping_total` (PLN).
 * @param financedAmount the application's amount (PLN, two decimals): what the lines add up to.
 */
export function purchaseLines(
  lines: CartLine[],
  shippingTotal: string | number,
  financedAmount: string,
): PurchaseLine[] {
  const result: PurchaseLine[] = lines.flatMap((line) => splitLine(line))
  const shipping = grosze(shippingTotal)
  if (!shipping.isZero()) result.push({ name: SHIPPING, quantity: 1, price: shipping.toFixed(2) })
  const sum = result.reduce(
    (total, line) => total.plus(new BigNumber(line.price).times(line.quantity)),
    new BigNumber(0),
  )
  const rest = new BigNumber(financedAmount).minus(sum)
  if (!rest.isZero()) result.push({ name: ADJUSTMENT, quantity: 1, price: rest.toFixed(2) })
  return result
}

function splitLine({ name, quantity, total }: CartLine): PurchaseLine[] {
  const amount = grosze(total)
  const unit = amount.div(quantity).decimalPlaces(2, BigNumber.ROUND_DOWN)
  const remainder = amount.minus(unit.times(quantity))
  if (remainder.isZero()) return [{ name, quantity, price: unit.toFixed(2) }]
  const lines: PurchaseLine[] = [{ name, quantity: 1, price: unit.plus(remainder).toFixed(2) }]
  if (quantity > 1) lines.unshift({ name, quantity: quantity - 1, price: unit.toFixed(2) })
  return lines
}

/** Medusa's high-precision totals rounded half-up to the grosz, never through a float. */
const grosze = (value: string | number) => new BigNumber(String(value)).decimalPlaces(2, BigNumber.ROUND_HALF_UP)
