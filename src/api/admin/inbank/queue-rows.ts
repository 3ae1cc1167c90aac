import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toInbankAmount } from "inbank-partner-api"
import type InbankModuleService from "../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../lib/financing/record-state"

interface Person {
  first_name?: string | null
  last_name?: string | null
}

/** What query.graph gives of a record's order and cart (src/links). */
interface Linked {
  id: string
  order?: {
    id: string
    display_id: number
    status: string
    created_at: string
    shipping_address?: Person | null
    customer?: Person | null
  } | null
  cart?: { completed_at?: string | null; shipping_address?: Person | null; customer?: Person | null } | null
}

/** "Anna Nowak" from the first of the people that has a name, or null. */
export function personName(...people: (Person | null | undefined)[]): string | null {
  for (const person of people) {
    const name = [person?.first_name, person?.last_name]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ")
    if (name) return name
  }
  return null
}

/**
 * The queue's rows for a page of records: identifiers, the order's display id and status, the
 * customer's name as on the order (its shipping address, else the customer; the cart's for
 * applications without an order), dates, amount, period, the staff state and what staff may do.
 * No PESEL, documents, income, phone or e-mail. One query.graph for the whole page.
 */
export async function queueRows(
  scope: MedusaContainer,
  inbank: InbankModuleService,
  records: InbankApplicationRecord[],
) {
  const person = ["first_name", "last_name"]
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inbank_application",
    fields: [
      "id",
      ...["id", "display_id", "status", "created_at"].map((field) => `order.${field}`),
      ...person.flatMap((field) => [
        `order.shipping_address.${field}`,
        `order.customer.${field}`,
        `cart.shipping_address.${field}`,
        `cart.customer.${field}`,
      ]),
      "cart.completed_at",
    ],
    filters: { id: records.map((record) => record.id) },
  })
  const linked = new Map((data as Linked[]).map((row) => [row.id, row]))
  return records.map((record) => {
    const { order, cart } = linked.get(record.id) ?? { order: null, cart: null }
    const canceled = order?.status === "canceled"
    const staff = inbank.staffStateOf(record, { canceled })
    const derived = inbank.stateOf(record, { orderPlaced: Boolean(order) })
    return {
      id: record.id,
      order_id: order?.id ?? null,
      display_id: order?.display_id ?? null,
      customer_name: order
        ? personName(order.shipping_address, order.customer)
        : personName(cart?.shipping_address, cart?.customer),
      application_number: record.application_number,
      contract_number: record.contract_number,
      amount: toInbankAmount(record.raw_amount),
      currency_code: "pln",
      period: record.period,
      state: staff.state,
      color: staff.color,
      applied_at: record.created_at,
      updated_at: record.updated_at,
      actions: {
        // An order's financing is cancelled from the order (Medusa cancels the order with it).
        cancel: !order && !cart?.completed_at && !derived.final,
      },
    }
  })
}
