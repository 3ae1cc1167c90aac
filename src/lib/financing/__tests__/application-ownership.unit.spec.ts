import { verifyApplicationOwner } from "../application-ownership"

const claim = { cartId: "cart_A", paymentCollectionId: "pay_col_A", paymentSessionId: "payses_A" }
const owner = { cart_id: "cart_A", payment_collection_id: "pay_col_A", payment_session_id: "payses_A" }

describe("verifyApplicationOwner: one application pays for one cart's one session", () => {
  it.each([
    ["the record's own cart, collection and session", owner, { ok: true }],
    ["a record whose session id is not saved yet", { ...owner, payment_session_id: null }, { ok: true }],
    ["no record", undefined, { ok: false, reason: "unknown_application" }],
    ["another cart (a copied session)", { ...owner, cart_id: "cart_B" }, { ok: false, reason: "other_cart" }],
    [
      "another collection of the same cart",
      { ...owner, payment_collection_id: "pay_col_B" },
      { ok: false, reason: "other_payment_collection" },
    ],
    [
      "another session of the same collection",
      { ...owner, payment_session_id: "payses_B" },
      { ok: false, reason: "other_payment_session" },
    ],
  ])("%s", (_case, record, verdict) => {
    expect(verifyApplicationOwner(record, claim)).toEqual(verdict)
  })
})
