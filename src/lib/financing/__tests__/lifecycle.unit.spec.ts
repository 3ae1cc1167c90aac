import { decideLifecycle, MedusaSide } from "../lifecycle"

const session = { status: "pending" }
const none: MedusaSide = { session, sessionGone: false, payment: null, order: null }
const gone = { session: null, sessionGone: true }
const cancelled = { canceled: true, fulfilled: false }
const authorizedPayment = { captured: false, canceled: false }
const order = { canceled: false, fulfilled: false }
const on = { autoCancelOrders: true }

describe("decideLifecycle: what makes Medusa agree with Inbank for one application", () => {
  it.each<[string, Parameters<typeof decideLifecycle>[0], MedusaSide, ReturnType<typeof decideLifecycle>]>([
    ["signed, cart left before completion", "authorized", none, ["complete_cart"]],
    ["activated, cart left before completion", "captured", none, ["complete_cart", "capture_payment"]],
    [
      "signed, order placed and authorized",
      "authorized",
      { session, sessionGone: false, payment: authorizedPayment, order },
      [],
    ],
    [
      "activated, payment authorized",
      "captured",
      { session, sessionGone: false, payment: authorizedPayment, order },
      ["capture_payment"],
    ],
    [
      "activated, payment captured",
      "captured",
      { session, sessionGone: false, payment: { captured: true, canceled: false }, order },
      [],
    ],
    [
      "activated late: order placed, no payment",
      "captured",
      { session, sessionGone: false, payment: null, order },
      ["authorize_payment", "capture_payment"],
    ],
    [
      "signed late: order placed, no payment",
      "authorized",
      { session, sessionGone: false, payment: null, order },
      ["authorize_payment"],
    ],
    [
      "activated, order cancelled in Medusa: nothing captured",
      "captured",
      {
        session,
        sessionGone: false,
        payment: { captured: false, canceled: true },
        order: { canceled: true, fulfilled: false },
      },
      [],
    ],
    [
      "activated, cancelled order without payment: not financed",
      "captured",
      { session, sessionGone: false, payment: null, order: { canceled: true, fulfilled: false } },
      [],
    ],
    [
      "contract cancelled, payment authorized, order open",
      "canceled",
      { session, sessionGone: false, payment: authorizedPayment, order },
      ["cancel_payment", "cancel_order"],
    ],
    [
      "contract cancelled, autoCancelOrders off",
      "canceled",
      { session, sessionGone: false, payment: authorizedPayment, order },
      ["cancel_payment"],
    ],
    [
      "contract cancelled, order fulfilled",
      "canceled",
      { session, sessionGone: false, payment: authorizedPayment, order: { canceled: false, fulfilled: true } },
      ["cancel_payment"],
    ],
    [
      "contract cancelled, already cancelled everywhere",
      "canceled",
      {
        session: { status: "canceled" },
        sessionGone: false,
        payment: { captured: false, canceled: true },
        order: { canceled: true, fulfilled: false },
      },
      [],
    ],
    ["declined before an order", "error", none, ["mark_session"]],
    [
      "declined, session already marked",
      "error",
      { session: { status: "error" }, sessionGone: false, payment: null, order: null },
      [],
    ],
    ["application cancelled before an order", "canceled", none, ["mark_session"]],
    [
      "a superseded application (no session names it) cancelled",
      "canceled",
      { session: null, sessionGone: false, payment: null, order },
      [],
    ],
    ["a superseded application declined", "error", { session: null, sessionGone: false, payment: null, order }, []],
    [
      "a superseded application signed",
      "authorized",
      { session: null, sessionGone: false, payment: null, order: null },
      [],
    ],
    [
      "order cancelled in Medusa, contract waits for approval, payment open",
      "authorized",
      { session, sessionGone: false, payment: authorizedPayment, order: cancelled },
      ["cancel_payment", "cancel_financing"],
    ],
    [
      "order cancelled in Medusa, its payment cancelled, Inbank's cancel failed",
      "authorized",
      { session, sessionGone: false, payment: { captured: false, canceled: true }, order: cancelled },
      ["cancel_financing"],
    ],
    [
      "order cancelled in Medusa, Inbank still processing the signature",
      "pending_authorization",
      { session, sessionGone: false, payment: null, order: cancelled },
      ["cancel_financing"],
    ],
    [
      "order cancelled, Inbank cancelled, payment still open",
      "canceled",
      { session, sessionGone: false, payment: authorizedPayment, order: cancelled },
      ["cancel_payment"],
    ],
    [
      "session gone (shopper paid otherwise), contract signed",
      "authorized",
      { ...gone, payment: null, order },
      ["cancel_financing"],
    ],
    [
      "session gone (cart changed), offer not accepted",
      "pending",
      { ...gone, payment: null, order: null },
      ["cancel_financing"],
    ],
    ["session gone, contract unsigned", "requires_more", { ...gone, payment: null, order: null }, ["cancel_financing"]],
    ["session gone, contract activated: financed, staff are told", "captured", { ...gone, payment: null, order }, []],
    ["session gone, application already cancelled", "canceled", { ...gone, payment: null, order: null }, []],
    [
      "session being made (never had one)",
      "authorized",
      { session: null, sessionGone: false, payment: null, order: null },
      [],
    ],
    ["still deciding", "pending", none, []],
    ["waiting for the shopper", "requires_more", none, []],
    ["signed, Inbank still processing", "pending_authorization", none, []],
  ])("%s", (_case, inbank, medusa, expected) => {
    const options = _case.includes("autoCancelOrders off") ? { autoCancelOrders: false } : on
    expect(decideLifecycle(inbank, medusa, options)).toEqual(expected)
  })
})
