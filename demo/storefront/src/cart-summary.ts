import { sdk, SummaryCart } from "./api"
import { escape, zl } from "./format"

/** The cart's lines and total, read once per cart (the checkout does not change them). */
const carts = new Map<string, Promise<SummaryCart>>()

/** The cart summary every checkout step shows: lines, quantities, total. */
export async function cartSummary(cartId: string): Promise<string> {
  if (!carts.has(cartId))
    carts.set(
      cartId,
      sdk.store.cart.retrieve(cartId, { fields: "id,total,*items" }).then((answer) => answer.cart),
    )
  const cart = await carts.get(cartId)!.catch(() => null)
  if (!cart) return ""
  const lines = cart
    .items!.map(
      (item) =>
        `<li><span>${escape(item.product_title ?? item.title)} × ${item.quantity}</span><span>${zl(item.total)}</span></li>`,
    )
    .join("")
  return `<aside class="card summary" data-testid="cart-summary" aria-label="Twój koszyk"><h2>Twój koszyk</h2><ul>${lines}</ul>
    <p class="total"><span>Razem</span><strong>${zl(cart.total)}</strong></p></aside>`
}
