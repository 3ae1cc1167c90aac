import { toInbankAmount } from "inbank-partner-api"
import type { ContractStatus } from "inbank-partner-api"
import type { OrderFinancing } from "../../../workflows/steps/order-financing"
import { staffState } from "../../../lib/financing/staff-state"

export { loadOrderFinancing } from "../../../workflows/steps/order-financing"

/**
 * Everything staff need about the financing; identifiers, statuses, money and dates only — no personal
 * data. With `unknownAtInbank` (Inbank answered 404 for the application), the last known state with
 * `unknown_at_inbank: true` and no action but a refresh.
 */
export async function financingView(financing: OrderFinancing, { unknownAtInbank = false } = {}) {
  const { inbank, record, order, payment } = financing
  const derived = inbank.stateOf(record, { orderPlaced: true })
  const staff = staffState(derived, record.contract_status as ContractStatus | null, {
    canceled: order.status === "canceled",
  })
  const callbacks = await inbank.listInbankCallbacks(
    { application_uuid: [record.application_uuid, ...record.previous_uuids.uuids] },
    { order: { sent_at: "ASC" } },
  )
  const open = !derived.final && order.status !== "canceled" && !unknownAtInbank
  return {
    financing: {
      order_id: order.id,
      unknown_at_inbank: unknownAtInbank,
      state: staff.state,
      color: staff.color,
      session_status: derived.sessionStatus,
      application: {
        uuid: record.application_uuid,
        number: record.application_number,
        decision_status: record.decision_status,
      },
      contract: record.contract_uuid
        ? {
            uuid: record.contract_uuid,
            number: record.contract_number,
            status: record.contract_status,
            process_status: record.process_status,
          }
        : null,
      amount: toInbankAmount(record.raw_amount),
      currency_code: "pln",
      period: record.period,
      offer: record.offer,
      dates: { applied_at: record.created_at, updated_at: record.updated_at, synced_at: record.synced_at },
      payment: payment && { id: payment.id, captured_at: payment.captured_at, canceled_at: payment.canceled_at },
      callbacks: callbacks.map((c) => ({
        type: c.type,
        status: c.status,
        sent_at: c.sent_at,
        processed_at: c.processed_at,
        outcome: c.outcome,
      })),
      actions: {
        approve:
          open &&
          staff.state === "awaiting_approval" &&
          Boolean(payment && !payment.captured_at && !payment.canceled_at),
        cancel: open && staff.state !== "financed",
        printout: Boolean(record.contract_uuid) && !unknownAtInbank,
      },
    },
  }
}
