import { createHmac } from "node:crypto"
import { isBoundSession, sessionBinding } from "../session-binding"

const API_KEY = "binding-test-key"
const fields = {
  applicationUuid: "6f1c3f7e-0a51-4bd4-a3a9-1d7f5a3c2e10",
  paymentCollectionId: "pay_col_A",
  amount: "399.00",
}
const data = (overrides: Record<string, unknown> = {}) => ({
  application_uuid: fields.applicationUuid,
  payment_collection_id: fields.paymentCollectionId,
  binding: sessionBinding(API_KEY, fields),
  ...overrides,
})

describe("session binding: one application, one payment collection, one amount", () => {
  it("accepts the data the application route made", () => {
    expect(isBoundSession(API_KEY, data(), "399.00")).toBe(true)
  })

  it.each([
    ["another payment collection", data({ payment_collection_id: "pay_col_B" }), "399.00"],
    ["another application", data({ application_uuid: "0b7c1f9e-2d44-4c1b-9f0e-7a5b3c2d1e00" }), "399.00"],
    ["another amount", data(), "399.01"],
    ["no collection", data({ payment_collection_id: undefined }), "399.00"],
    ["no binding", data({ binding: undefined }), "399.00"],
    ["a binding made with another key", { ...data(), binding: sessionBinding("another-key", fields) }, "399.00"],
  ])("refuses %s", (_case, sessionData, amount) => {
    expect(isBoundSession(API_KEY, sessionData, amount)).toBe(false)
  })

  it("is not keyed by the API key itself (no offline oracle for guessing it)", () => {
    const withRawKey = createHmac("sha256", API_KEY)
      .update(`${fields.applicationUuid}|${fields.paymentCollectionId}|${fields.amount}`)
      .digest("hex")
    expect(sessionBinding(API_KEY, fields)).not.toBe(withRawKey)
    expect(isBoundSession(API_KEY, data({ binding: withRawKey }), "399.00")).toBe(false)
  })
})
