import type { FetchedState } from "inbank-partner-api"
import { decideCancellation } from "../cancellation"

const APP = "a1b2c3d4-0000-4000-8000-000000000001"
const CONTRACT = "c0c0c0c0-0000-4000-8000-000000000002"

function fetched(decisionStatus: string, contractStatus?: string, processStatus: string | null = null): FetchedState {
  return {
    application: { creditApplication: { uuid: APP, decisionStatus, processStatus } },
    contract: contractStatus ? { contract: { uuid: CONTRACT, number: "UM/1", status: contractStatus } } : null,
  } as unknown as FetchedState
}

describe("decideCancellation: one rule for ending financing at Inbank", () => {
  it.each([
    ["an unsigned contract", fetched("positive", "unsigned"), { action: "cancel_contract", contractUuid: CONTRACT }],
    [
      "a signed contract waiting for approval",
      fetched("positive", "signed"),
      { action: "cancel_contract", contractUuid: CONTRACT },
    ],
    [
      "an activated contract",
      fetched("positive", "activated"),
      { action: "refuse_activated", contractUuid: CONTRACT, contractNumber: "UM/1" },
    ],
    ["a cancelled contract", fetched("positive", "cancelled"), { action: "nothing", reason: "already_ended" }],
    ["a terminated contract", fetched("positive", "terminated"), { action: "nothing", reason: "already_ended" }],
    ["a positive decision, no contract", fetched("positive"), { action: "cancel_application", applicationUuid: APP }],
    ["a pending decision", fetched("pending"), { action: "cancel_application", applicationUuid: APP }],
    ["a manual decision", fetched("manual"), { action: "cancel_application", applicationUuid: APP }],
    ["income proof required", fetched("income_proof_required"), { action: "cancel_application", applicationUuid: APP }],
    [
      "a cancelled application",
      fetched("positive", undefined, "cancelled"),
      { action: "nothing", reason: "already_ended" },
    ],
    ["a negative decision", fetched("negative"), { action: "nothing", reason: "declined" }],
    ["a manual negative decision", fetched("manual_negative"), { action: "nothing", reason: "declined" }],
    ["a failed application", fetched("failed"), { action: "nothing", reason: "declined" }],
  ])("%s", (_case, state, expected) => {
    expect(decideCancellation(state)).toEqual(expected)
  })
})
