import { cancelOrderWorkflow } from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import { announcedStateOf, dueAnnouncements } from "../modules/inbank/announcements"
import type InbankModuleService from "../modules/inbank/service"
import { deriveRecordState, InbankApplicationRecord } from "../lib/financing/record-state"
import type { DerivedState } from "../lib/financing/derive-state"

const PROVIDER_ID = "pp_inbank_inbank"
const PROCESS_PAYMENT_WORKFLOW = "process-payment-workflow"

interface CartPayments {
  sessionId: string | null
  sessionStatus: string | null
  sessionData: Record<string, unknown> | null
  sessionAmount: unknown
  currencyCode: string | null
  payment: { id: string; captured_at: string | null; canceled_at: string | null } | null
  orderId: string | null
}

export interface AppliedState {
  /** The application's record as refreshed from Inbank. */
  record: InbankApplicationRecord
  derived: DerivedState
  orderId: string | null
  actions: string[]
  /** The `inbank.<type>.<status>` events emitted for what this read of Inbank showed changed. */
  announced: string[]
}

/** What the merchant's subscribers receive with each `inbank.<type>.<status>` event. */
export interface InbankStateEventData {
  application_uuid: string
  cart_id: string
  order_id: string | null
  session_status: string
}

/**
 * Makes Medusa agree with Inbank for one application, whatever brought us here (a callback, the
 * reconciliation job, staff): Inbank's state is fetched now and every action is taken only if Medusa
 * is not there yet, so repeating this, or running it for stale or out-of-order news, is harmless.
 * Then the `inbank.<type>.<status>` events due for the change it observed since the last
 * announcement (announcements.ts) are emitted, and the state is stored as announced: at least once
 * per change (a failure before the store repeats them), never for a callback's mere claim.
 */
export async function applyInbankState(container: MedusaContainer, recordId: string): Promise<AppliedState> {
  // One at a time per application, across instances too (Medusa's locking module): two callbacks
  // processed together would both see no order yet and complete the cart twice.
  return container.resolve(Modules.LOCKING).execute(`inbank-application:${recordId}`, () => apply(container, recordId), { timeout: 60 })
}

async function apply(container: MedusaContainer, recordId: string): Promise<AppliedState> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const actions: string[] = []

  const record = await inbank.refreshNow(recordId)
  let cart = await cartPayments(container, record)
  const derived = deriveRecordState(record, { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: Boolean(cart.orderId) })

  if ((derived.sessionStatus === "authorized" || derived.sessionStatus === "captured") && cart.sessionId) {
    if (!cart.orderId && !cart.payment) {
      // Authorizes the session (our provider reads Inbank again) and completes the cart into an order.
      await engine.run(PROCESS_PAYMENT_WORKFLOW, {
        input: { action: PaymentActions.AUTHORIZED, data: { session_id: cart.sessionId, amount: cart.sessionAmount } },
      })
      actions.push("completed_cart")
      cart = await settledCart(container, record)
    }
    if (derived.sessionStatus === "captured" && cart.payment && !cart.payment.captured_at && !cart.payment.canceled_at) {
      await engine.run(PROCESS_PAYMENT_WORKFLOW, {
        input: { action: PaymentActions.SUCCESSFUL, data: { session_id: cart.sessionId, amount: cart.sessionAmount } },
      })
      actions.push("captured_payment")
    }
  }

  if (derived.sessionStatus === "canceled" || derived.sessionStatus === "error") {
    const payment = container.resolve(Modules.PAYMENT)
    if (cart.payment && !cart.payment.canceled_at && !cart.payment.captured_at) {
      await payment.cancelPayment(cart.payment.id)
      actions.push("canceled_payment")
    } else if (!cart.payment && cart.sessionId && cart.sessionStatus !== derived.sessionStatus) {
      await payment.updatePaymentSession({
        id: cart.sessionId,
        status: derived.sessionStatus,
        data: cart.sessionData ?? { application_uuid: record.application_uuid },
        amount: cart.sessionAmount as number,
        currency_code: cart.currencyCode ?? "pln",
      })
      actions.push(`session_${derived.sessionStatus}`)
    }
    if (cart.orderId && derived.sessionStatus === "canceled" && inbank.options.autoCancelOrders && (await cancellable(container, cart.orderId))) {
      await cancelOrderWorkflow(container).run({ input: { order_id: cart.orderId } })
      actions.push("canceled_order")
    }
  }

  const current = announcedStateOf(record)
  const announced = dueAnnouncements(record.announced, current)
  if (announced.length) {
    const data: InbankStateEventData = {
      application_uuid: record.application_uuid,
      cart_id: record.cart_id,
      order_id: cart.orderId,
      session_status: derived.sessionStatus,
    }
    await container.resolve(Modules.EVENT_BUS).emit(announced.map((name) => ({ name, data })))
  }
  const orderChanged = Boolean(cart.orderId) && record.order_id !== cart.orderId
  if (orderChanged || announced.length) {
    await inbank.saveRecord({ id: record.id, ...(orderChanged && { order_id: cart.orderId }), ...(announced.length && { announced: current }) })
  }
  return { record, derived, orderId: cart.orderId, actions, announced }
}

async function cartPayments(container: MedusaContainer, record: InbankApplicationRecord): Promise<CartPayments> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const uuids = [record.application_uuid, ...record.previous_uuids.uuids]
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.status",
      "payment_collection.payment_sessions.amount",
      "payment_collection.payment_sessions.data",
      "payment_collection.payments.id",
      "payment_collection.payments.payment_session_id",
      "payment_collection.payments.captured_at",
      "payment_collection.payments.canceled_at",
    ],
    filters: { id: record.cart_id },
  })
  const cart = carts[0] as any
  const session = (cart?.payment_collection?.payment_sessions ?? []).find(
    (s: any) => s.provider_id === PROVIDER_ID && uuids.includes(s.data?.application_uuid)
  )
  const payment = session ? (cart.payment_collection.payments ?? []).find((p: any) => p.payment_session_id === session.id) : null
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: record.cart_id } })
  return {
    sessionId: session?.id ?? null,
    sessionStatus: session?.status ?? null,
    sessionData: session?.data ?? null,
    sessionAmount: session?.amount ?? null,
    currencyCode: cart?.currency_code ?? null,
    payment: payment ?? null,
    orderId: (links[0] as any)?.order_id ?? null,
  }
}

/**
 * The workflow engine may hand back a run before its steps are done (a step waiting on the cart's
 * lock): wait for the order to exist before anything else runs for this application, or a second
 * run would find no order and complete the cart again.
 */
async function settledCart(container: MedusaContainer, record: InbankApplicationRecord): Promise<CartPayments> {
  const until = Date.now() + 30_000
  for (;;) {
    const cart = await cartPayments(container, record)
    if (cart.orderId || Date.now() > until) return cart
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** An order Medusa may cancel on Inbank's word: not cancelled already, nothing fulfilled. */
async function cancellable(container: MedusaContainer, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status", "fulfillments.id"], filters: { id: orderId } })
  const order = data[0] as any
  return Boolean(order) && order.status !== "canceled" && !(order.fulfillments ?? []).length
}
