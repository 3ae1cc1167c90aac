import { deriveState, InbankSnapshot } from "../derive-state"

const base: InbankSnapshot = {
  decisionStatus: "pending",
  applicationSigned: false,
  applicationSigningRequired: false,
  contract: null,
  orderPlaced: false,
}

describe("deriveState: Inbank's state → session status and the shopper's next step", () => {
  it.each<[string, Partial<InbankSnapshot>, string, string]>([
    ["decision pending", { decisionStatus: "pending" }, "pending", "wait"],
    ["decision manual", { decisionStatus: "manual" }, "pending", "wait"],
    ["pending, application to sign", { applicationSigningRequired: true }, "pending", "sign_application"],
    ["pending, application signed", { applicationSigningRequired: true, applicationSigned: true }, "pending", "wait"],
    ["positive, no contract yet", { decisionStatus: "positive" }, "pending", "complete_cart"],
    ["income proof required", { decisionStatus: "income_proof_required" }, "requires_more", "upload_income_proof"],
    ["negative", { decisionStatus: "negative" }, "error", "declined"],
    ["manual negative", { decisionStatus: "manual_negative" }, "error", "declined"],
    ["failed", { decisionStatus: "failed" }, "error", "declined"],
    [
      "application cancelled",
      { decisionStatus: "positive", applicationProcessStatus: "cancelled" },
      "canceled",
      "declined",
    ],
    [
      "contract unsigned",
      { decisionStatus: "positive", contract: { status: "unsigned" } },
      "requires_more",
      "sign_contract",
    ],
    [
      "signed, bank verification",
      { contract: { status: "signed", processStatus: "waiting_for_customer_digital_verification" } },
      "requires_more",
      "bank_verification",
    ],
    [
      "signed, awaiting the merchant",
      { contract: { status: "signed", processStatus: "waiting_for_partners_confirmation" } },
      "authorized",
      "complete_cart",
    ],
    [
      "signed, awaiting the merchant, order placed",
      { orderPlaced: true, contract: { status: "signed", processStatus: "waiting_for_partners_confirmation" } },
      "authorized",
      "done",
    ],
    [
      "signed, still processing",
      { contract: { status: "signed", processStatus: "activation" } },
      "pending_authorization",
      "complete_cart",
    ],
    ["activated", { contract: { status: "activated", processStatus: "activated" } }, "captured", "complete_cart"],
    ["activated, order placed", { orderPlaced: true, contract: { status: "activated" } }, "captured", "done"],
    ["contract cancelled", { contract: { status: "cancelled" } }, "canceled", "declined"],
    ["contract terminated", { orderPlaced: true, contract: { status: "terminated" } }, "canceled", "declined"],
  ])("%s", (_name, change, sessionStatus, nextAction) => {
    expect(deriveState({ ...base, ...change })).toMatchObject({ sessionStatus, nextAction })
  })

  it("asks for polling only while a signed contract is being processed", () => {
    expect(deriveState({ ...base, contract: { status: "signed", processStatus: "activation" } }).processing).toBe(true)
    expect(
      deriveState({ ...base, contract: { status: "signed", processStatus: "waiting_for_partners_confirmation" } })
        .processing,
    ).toBe(false)
  })
})
