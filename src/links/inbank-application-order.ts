import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import InbankModule from "../modules/inbank"

/**
 * An application record's order (`inbank_application.order`), read through its `order_id` column,
 * which the plugin sets once the cart became the order: a read-only link, no link table.
 */
export default defineLink(
  { linkable: InbankModule.linkable.inbankApplication, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true },
)
