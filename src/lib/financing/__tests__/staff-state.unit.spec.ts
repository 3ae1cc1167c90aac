import pl from "../../../admin/i18n/pl.json"
import en from "../../../admin/i18n/en.json"
import { deriveState, InbankSnapshot } from "../derive-state"
import { STAFF_STATES, staffState } from "../staff-state"

const snapshot = (overrides: Partial<InbankSnapshot>): InbankSnapshot => ({
  decisionStatus: "positive",
  applicationSigned: false,
  applicationSigningRequired: false,
  contract: null,
  orderPlaced: false,
  ...overrides,
})
const stateOf = (overrides: Partial<InbankSnapshot>) => staffState(deriveState(snapshot(overrides))).state

describe("staffState", () => {
  it.each([
    [{}, "awaiting_customer"],
    [{ contract: { status: "unsigned" as const } }, "awaiting_signature"],
    [
      { contract: { status: "signed" as const, processStatus: "waiting_for_partners_confirmation" } },
      "awaiting_approval",
    ],
    [{ contract: { status: "activated" as const } }, "financed"],
    [{ decisionStatus: "negative" as const }, "declined"],
    [{ decisionStatus: "pending" as const }, "awaiting_decision"],
  ])("%j → %s", (overrides, expected) => {
    expect(stateOf(overrides)).toBe(expected)
  })

  it("never words a positive decision whose offer nobody accepted as an accepted offer", () => {
    // An offer is accepted when Inbank creates the contract; before that, the shopper has only a decision.
    expect(stateOf({})).toBe("awaiting_customer")
    expect(pl.inbank.states.awaiting_customer).not.toMatch(/oferta przyjęta/i)
    expect(en.inbank.states.awaiting_customer).not.toMatch(/offer accepted/i)
  })

  it("has Polish and English words for every state", () => {
    for (const state of STAFF_STATES) {
      expect([state, typeof pl.inbank.states[state]]).toEqual([state, "string"])
      expect([state, typeof en.inbank.states[state]]).toEqual([state, "string"])
    }
  })
})
