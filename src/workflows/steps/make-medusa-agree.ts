import { cancelOrderWorkflow } from "@medusajs/core-flows"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../../modules/inbank"
import { announcedStateOf, dueAnnouncements } from "../../lib/financing/announcements"
import type InbankModuleService from "../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import type { DerivedState, SessionStatus } from "../../lib/financing/derive-state"
import { INBANK_PROVIDER_ID } from "../../lib/financing/provider-id"
import { decideLifecycle, LifecycleAction, MedusaSide } from "../../lib/financing/lifecycle"

const PROCESS_PAYMENT_WORKFLOW = "process-payment-workflow"
/** complete/authorize, capture, cancel payment, cancel order: the longest chain decideLifecycle can give. */
const MAX_PASSES = 4

interface CartPayments {
  sessionId: string | null
  sessionStatus: string | null
  sessionData: Record<string, unknown> | null
  sessionAmount: unknown
  currencyCode: string | null
  payment: { id: string; captured_at: string | null; canceled_at: string | null } | null
  orderId: string | null
  order: { id: string; status: string; fulfilled: boolean } | null
}

/** The fields cartPayments asks query.graph for, as it answers them (an `inbank_application` row's cart). */
interface GraphCart {
  currency_code: string | null
  payment_collection: {
    payment_sessions?: {
      id: string
      provider_id: string
      status: string
      amount: unknown
      data: Record<string, unknown> | null
    }[]
    payments?: { id: string; payment_session_id: string; captured_at: string | null; canceled_at: string | null }[]
  } | null
  order: { id: string; status: string; fulfillments?: { id: string }[] } | null
}

/** What makeMedusaAgree did for one application. */
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
 * @param recordId the application record's id (`inbapp_…`).
 * @throws InbankError when Inbank cannot be read (nothing is changed then); the error of a step it takes
 *   (MedusaError from Medusa's workflows or payment module), after scheduling the record for the
 *   reconciliation job, which tries again.
 */
export async function makeMedusaAgree(container: MedusaContainer, recordId: string): Promise<AppliedState> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const actions: string[] = []

  const record = await inbank.refreshNow(recordId)
  let cart = await cartPayments(container, record)
  const derived = inbank.stateOf(record, { orderPlaced: Boolean(cart.orderId) })
  // Each step changes Medusa, so the next is decided on what Medusa holds then (an authorization of
  // an activated contract captures at once). Every decision shrinks what is left: at most one pass each.
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const [next] = decideLifecycle(derived.sessionStatus, medusaSide(record, cart), inbank.settings)
      // A step Medusa took without the expected change is not taken again here: the next run retries.
      if (!next || next === actions[actions.length - 1]) break
      await take(container, next, record, cart, derived.sessionStatus)
      actions.push(next)
      cart = await settledCart(container, record, next)
    }
  } catch (error) {
    // Retried durably: the reconciliation job reads the application again after its quiet period.
    await inbank.scheduleReconciliation(record.id, new Date())
    throw error
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
  // The order is this application's only when the cart's Inbank session still names it.
  const orderChanged = Boolean(cart.sessionId && cart.orderId) && record.order_id !== cart.orderId
  if (orderChanged || announced.length) {
    await inbank.saveRecord(
      {
        id: record.id,
        ...(orderChanged && { order_id: cart.orderId }),
        ...(announced.length && { announced: current }),
      },
      record,
    )
  }
  return { record, derived, orderId: cart.orderId, actions, announced }
}

/** The session, payment and order this application is attached to, as decideLifecycle reads them. */
function medusaSide(record: InbankApplicationRecord, cart: CartPayments): MedusaSide {
  return {
    session: cart.sessionId ? { status: cart.sessionStatus ?? "pending" } : null,
    // The record learns its session once the session exists: before that, nothing is gone.
    sessionGone: Boolean(record.payment_session_id) && !cart.sessionId,
    payment: cart.payment && {
      captured: Boolean(cart.payment.captured_at),
      canceled: Boolean(cart.payment.canceled_at),
    },
    order: cart.order && { canceled: cart.order.status === "canceled", fulfilled: cart.order.fulfilled },
  }
}

/** One decided step, through Medusa's own workflows and payment module. */
async function take(
  container: MedusaContainer,
  action: LifecycleAction,
  record: InbankApplicationRecord,
  cart: CartPayments,
  status: SessionStatus,
): Promise<void> {
  const payments = container.resolve(Modules.PAYMENT)
  const processPayment = async (paymentAction: PaymentActions): Promise<void> => {
    await container.resolve(Modules.WORKFLOW_ENGINE).run(PROCESS_PAYMENT_WORKFLOW, {
      input: { action: paymentAction, data: { session_id: cart.sessionId, amount: cart.sessionAmount } },
    })
  }
  switch (action) {
    case "complete_cart":
    case "authorize_payment":
      // Authorizes the session (the provider reads Inbank again); completes the cart when no order exists.
      return processPayment(PaymentActions.AUTHORIZED)
    case "capture_payment":
      return processPayment(PaymentActions.SUCCESSFUL)
    case "cancel_payment":
      return void (await payments.cancelPayment(cart.payment!.id))
    case "mark_session":
      return void (await payments.updatePaymentSession({
        id: cart.sessionId!,
        status,
        data: cart.sessionData ?? {},
        amount: cart.sessionAmount as number,
        currency_code: cart.currencyCode ?? "pln",
      }))
    case "cancel_order":
      return void (await cancelOrderWorkflow(container).run({ input: { order_id: cart.order!.id } }))
    case "cancel_financing":
      return void (await container.resolve<InbankModuleService>(INBANK_MODULE).cancelFinancing(record))
  }
}

/**
 * The record's cart, its payments and its order, in one query.graph: the record's cart through the
 * plugin's read-only link (src/links/inbank-application-cart.ts), its order through Medusa's cart ↔ order link.
 */
async function cartPayments(container: MedusaContainer, record: InbankApplicationRecord): Promise<CartPayments> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const uuids = [record.application_uuid, ...record.previous_uuids.uuids]
  const { data } = await query.graph({
    entity: "inbank_application",
    fields: [
      "cart.id",
      "cart.currency_code",
      "cart.payment_collection.payment_sessions.id",
      "cart.payment_collection.payment_sessions.provider_id",
      "cart.payment_collection.payment_sessions.status",
      "cart.payment_collection.payment_sessions.amount",
      "cart.payment_collection.payment_sessions.data",
      "cart.payment_collection.payments.id",
      "cart.payment_collection.payments.payment_session_id",
      "cart.payment_collection.payments.captured_at",
      "cart.payment_collection.payments.canceled_at",
      "cart.order.id",
      "cart.order.status",
      "cart.order.fulfillments.id",
    ],
    filters: { id: record.id },
  })
  const cart = (data as { cart: GraphCart | null }[])[0]?.cart
  const session = (cart?.payment_collection?.payment_sessions ?? []).find(
    (s) => s.provider_id === INBANK_PROVIDER_ID && uuids.includes(s.data?.application_uuid as string),
  )
  const payment = session
    ? (cart?.payment_collection?.payments ?? []).find((p) => p.payment_session_id === session.id)
    : null
  const order = cart?.order
  return {
    sessionId: session?.id ?? null,
    sessionStatus: session?.status ?? null,
    sessionData: session?.data ?? null,
    sessionAmount: session?.amount ?? null,
    currencyCode: cart?.currency_code ?? null,
    payment: payment ?? null,
    orderId: order?.id ?? null,
    order: order ? { id: order.id, status: order.status, fulfilled: (order.fulfillments ?? []).length > 0 } : null,
  }
}

/**
 * The workflow engine may hand back a run before its steps are done (a step waiting on the cart's
 * lock): after a completion or an authorization, wait for its order or payment to exist before
 * anything else runs for this application, or a second run would complete the cart again.
 */
async function settledCart(
  container: MedusaContainer,
  record: InbankApplicationRecord,
  after: LifecycleAction,
): Promise<CartPayments> {
  const done = (cart: CartPayments) =>
    after === "complete_cart" ? Boolean(cart.orderId) : after === "authorize_payment" ? Boolean(cart.payment) : true
  const until = Date.now() + 30_000
  for (;;) {
    const cart = await cartPayments(container, record)
    if (done(cart) || Date.now() > until) return cart
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

export const makeMedusaAgreeStepId = "make-medusa-agree-with-inbank"

/**
 * Step: makeMedusaAgree for one application record (`{record_id}`), returning what it did
 * (AppliedState). No compensation: every action it takes is one Medusa would take again on Inbank's
 * word, and the next run decides afresh from Inbank's state.
 */
export const makeMedusaAgreeStep = createStep(
  makeMedusaAgreeStepId,
  async (input: { record_id: string }, { container }) => {
    return new StepResponse(await makeMedusaAgree(container, input.record_id))
  },
)
