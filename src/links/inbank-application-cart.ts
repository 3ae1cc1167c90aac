import CartModule from "@medusajs/medusa/cart"
import { defineLink } from "@medusajs/framework/utils"
import InbankModule from "../modules/inbank"

/**
 * An application record's cart (`inbank_application.cart` in query.graph), read through the
 * record's `cart_id` column: a read-only link, no link table (Medusa's "Read-Only Module Link").
 */
export default defineLink(
  { linkable: InbankModule.linkable.inbankApplication, field: "cart_id" },
  CartModule.linkable.cart,
  { readOnly: true },
)
