import { decideLifecycle, MedusaSide } from "../lifecycle"

const session = { status: "pending" }
const none: MedusaSide = { session, payment: null, order: null }
const authorizedPayment = { captured: false, canceled: false }
const order = { canceled: false, fulfilled: false }
const on = { autoCancelOrders: true }

describe("decideLifecycle: what makes Medusa agree with Inbank for one application", () => {
  it.each<[string, Parameters<typeof decideLifecycle>[0], MedusaSide, ReturnType<typeof decideLifecycle>]>([
    ["signed, cart left before completion", "authorized", none, ["complete_cart"]],
    ["activated, cart left before completion", "captured", none, ["complete_cart", "capture_payment"]],
    ["signed, order placed and authorized", "authorized", { session, payment: authorizedPayment, order }, []],
    ["activated, payment authorized", "captured", { session, payment: authorizedPayment, order }, ["capture_payment"]],
    ["activated, payment captured", "captured", { session, payment: { captured: true, canceled: false }, order }, []],
    ["activated late: order placed, no payment", "captured", { session, payment: null, order }, ["authorize_payment", "capture_payment"]],
    ["signed late: order placed, no payment", "authorized", { session, payment: null, order }, ["authorize_payment"]],
    ["activated, order cancelled in Medusa: nothing captured", "captured", { session, payment: { captured: false, canceled: true }, order: { canceled: true, fulfilled: false } }, []],
    ["activated, cancelled order without payment: not financed", "captured", { session, payment: null, order: { canceled: true, fulfilled: false } }, []],
    ["contract cancelled, payment authorized, order open", "canceled", { session, payment: authorizedPayment, order }, ["cancel_payment", "cancel_order"]],
    ["contract cancelled, autoCancelOrders off", "canceled", { session, payment: authorizedPayment, order }, ["cancel_payment"]],
    ["contract cancelled, order fulfilled", "canceled", { session, payment: authorizedPayment, order: { canceled: false, fulfilled: true } }, ["cancel_payment"]],
    ["contract cancelled, already cancelled everywhere", "canceled", { session: { status: "canceled" }, payment: { captured: false, canceled: true }, order: { canceled: true, fulfilled: false } }, []],
    ["declined before an order", "error", none, ["mark_session"]],
    ["declined, session already marked", "error", { session: { status: "error" }, payment: null, order: null }, []],
    ["application cancelled before an order", "canceled", none, ["mark_session"]],
    ["a superseded application (no session names it) cancelled", "canceled", { session: null, payment: null, order }, []],
    ["a superseded application declined", "error", { session: null, payment: null, order }, []],
    ["a superseded application signed", "authorized", { session: null, payment: null, order: null }, []],
    ["still deciding", "pending", none, []],
    ["waiting for the shopper", "requires_more", none, []],
    ["signed, Inbank still processing", "pending_authorization", none, []],
  ])("%s", (_case, inbank, medusa, expected) => {
    const options = _case.includes("autoCancelOrders off") ? { autoCancelOrders: false } : on
    expect(decideLifecycle(inbank, medusa, options)).toEqual(expected)
  })
})
