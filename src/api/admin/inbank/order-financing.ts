import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { toInbankAmount } from "../../../lib/inbank"
import { INBANK_MODULE } from "../../../modules/inbank"
import type InbankModuleService from "../../../modules/inbank/service"
import { deriveRecordState, InbankApplicationRecord } from "../../../lib/financing/record-state"
import { staffState } from "./staff-state"
import type { ContractStatus } from "../../../lib/inbank"

export interface OrderFinancing {
  inbank: InbankModuleService
  record: InbankApplicationRecord
  order: { id: string; status: string; fulfilled: boolean }
  payment: { id: string; captured_at: string | null; canceled_at: string | null } | null
}

/** The order's Inbank application and payment; 404 for an order not paid with Inbank. */
export async function loadOrderFinancing(scope: MedusaContainer, orderId: string): Promise<OrderFinancing> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const inbank = scope.resolve<InbankModuleService>(INBANK_MODULE)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  const [record] = cartId
    ? ((await inbank.listInbankApplications({ cart_id: cartId }, { order: { created_at: "DESC" }, take: 1 })) as unknown as InbankApplicationRecord[])
    : []
  if (!record) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} is not financed by Inbank`)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "fulfillments.id",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const payment = (order.payment_collections ?? []).flatMap((c: any) => c.payments ?? []).find((p: any) => p.provider_id === "pp_inbank_inbank")
  return {
    inbank,
    record,
    order: { id: order.id, status: order.status, fulfilled: (order.fulfillments ?? []).length > 0 },
    payment: payment ?? null,
  }
}

/** Everything staff need about the financing; identifiers, statuses, money and dates only — no personal data. */
export async function financingView(financing: OrderFinancing) {
  const { inbank, record, order, payment } = financing
  const derived = deriveRecordState(record, { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: true })
  const staff = staffState(derived, record.contract_status as ContractStatus | null)
  const callbacks = await inbank.listInbankCallbacks(
    { application_uuid: [record.application_uuid, ...record.previous_uuids.uuids] },
    { order: { sent_at: "ASC" } }
  )
  const open = !derived.final && order.status !== "canceled"
  return {
    financing: {
      order_id: order.id,
      state: staff.state,
      color: staff.color,
      session_status: derived.sessionStatus,
      application: { uuid: record.application_uuid, number: record.application_number, decision_status: record.decision_status },
      contract: record.contract_uuid ? { uuid: record.contract_uuid, number: record.contract_number, status: record.contract_status, process_status: record.process_status } : null,
      amount: toInbankAmount(record.raw_amount),
      currency_code: "pln",
      period: record.period,
      offer: record.offer,
      dates: { applied_at: (record as any).created_at, updated_at: (record as any).updated_at, synced_at: (record as any).synced_at },
      payment: payment && { id: payment.id, captured_at: payment.captured_at, canceled_at: payment.canceled_at },
      callbacks: callbacks.map((c: any) => ({ type: c.type, status: c.status, sent_at: c.sent_at, processed_at: c.processed_at, outcome: c.outcome })),
      actions: {
        approve: staff.state === "awaiting_approval" && Boolean(payment && !payment.captured_at && !payment.canceled_at),
        cancel: open && staff.state !== "financed",
        printout: Boolean(record.contract_uuid),
      },
    },
  }
}
