import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { storeRefusal } from "../../../../../messages/refusal"

/**
 * The cart as an application needs it: the goods Inbank lists, the payment collection's amount, the region's providers.
 */
export interface CartForApplication {
  id: string
  currency_code: string
  completed_at: string | null
  region_id: string | null
  region: { payment_providers: { id: string }[] | null } | null
  /** `total`: what the shopper pays for the line, discounts and tax included (Medusa's cart totals). */
  items: {
    title: string
    product_title?: string | null
    variant_title?: string | null
    quantity: number
    total: string | number
  }[]
  shipping_total: string | number
  payment_collection: { id: string; raw_amount: { value: string } } | null
}

/** The cart with what an application needs. @throws PluginHttpError 404 `cart_not_found`. */
export async function loadCartForApplication(scope: MedusaContainer, cartId: string): Promise<CartForApplication> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "completed_at",
      "region_id",
      "region.payment_providers.id",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.total",
      "shipping_total",
      "payment_collection.id",
      "payment_collection.raw_amount",
    ],
    filters: { id: cartId },
  })
  if (!data[0]) throw storeRefusal("cart_not_found", { field: "cart_id" })
  return data[0] as CartForApplication
}
