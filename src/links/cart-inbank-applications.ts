import CartModule from "@medusajs/medusa/cart"
import { defineLink } from "@medusajs/framework/utils"
import InbankModule from "../modules/inbank"

/**
 * A cart's application records (`cart.inbank_application`, a list whatever its name: Medusa names an
 * inverse read-only link after the linked model), read through their `cart_id` column. With
 * Medusa's own order ↔ cart link, an order's records are `order.cart.inbank_application`.
 */
export default defineLink(
  { linkable: CartModule.linkable.cart, field: "id", isList: true },
  { ...InbankModule.linkable.inbankApplication.id, primaryKey: "cart_id" },
  { readOnly: true },
)
