import { AnnouncedState, dueAnnouncements, INBANK_STATE_EVENTS } from "../announcements"

const APP = "59d2194c-634f-4632-91b6-300b58e628ce"
const REPLACEMENT = "bb3853ce-2034-499e-8b08-42625fdf068b"
const CONTRACT = "788ec8c4-c497-470b-8505-2303f151d427"

const state = (fields: Partial<AnnouncedState> = {}): AnnouncedState => ({
  application_uuid: APP,
  decision_status: "pending",
  contract_uuid: null,
  contract_status: null,
  process_status: null,
  ...fields,
})
const positive = state({ decision_status: "positive" })
const contract = (contract_status: string, process_status: string | null = null) =>
  state({ decision_status: "positive", contract_uuid: CONTRACT, contract_status, process_status })

describe("dueAnnouncements: events from observed changes of Inbank's state", () => {
  it.each<[string, AnnouncedState | null, AnnouncedState, string[]]>([
    ["a pending decision: nothing to announce", null, state(), []],
    ["a first positive decision", null, positive, ["inbank.decision.positive"]],
    ["pending, then positive", state(), positive, ["inbank.decision.positive"]],
    ["positive observed again: nothing", positive, positive, []],
    [
      "manual_negative is announced as negative",
      state(),
      state({ decision_status: "manual_negative" }),
      ["inbank.decision.negative"],
    ],
    [
      "negative, then manual_negative: no second negative",
      state({ decision_status: "negative" }),
      state({ decision_status: "manual_negative" }),
      [],
    ],
    [
      "income proof required, then positive",
      state({ decision_status: "income_proof_required" }),
      positive,
      ["inbank.decision.positive"],
    ],
    [
      "a replacing application decided positive again",
      positive,
      state({ application_uuid: REPLACEMENT, decision_status: "positive" }),
      ["inbank.decision.positive"],
    ],
    ["the contract created", positive, contract("unsigned"), ["inbank.contract.unsigned"]],
    [
      "decision and contract first seen together",
      null,
      contract("unsigned"),
      ["inbank.decision.positive", "inbank.contract.unsigned"],
    ],
    ["signed", contract("unsigned"), contract("signed", "activation"), ["inbank.contract.signed"]],
    [
      "signed and waiting for the merchant",
      contract("unsigned"),
      contract("signed", "waiting_for_partners_confirmation"),
      ["inbank.contract.signed", "inbank.contract.activation_requires_partner_approval"],
    ],
    [
      "waiting for the merchant once signed",
      contract("signed", "activation"),
      contract("signed", "waiting_for_partners_confirmation"),
      ["inbank.contract.activation_requires_partner_approval"],
    ],
    [
      "still waiting: nothing",
      contract("signed", "waiting_for_partners_confirmation"),
      contract("signed", "waiting_for_partners_confirmation"),
      [],
    ],
    [
      "activated (signing missed between reads)",
      contract("unsigned"),
      contract("activated", "activated"),
      ["inbank.contract.activated"],
    ],
    [
      "activated after approval",
      contract("signed", "waiting_for_partners_confirmation"),
      contract("activated", "activated"),
      ["inbank.contract.activated"],
    ],
    ["cancelled", contract("signed"), contract("cancelled", "cancelled"), ["inbank.contract.cancelled"]],
    ["terminated", contract("activated"), contract("terminated"), ["inbank.contract.terminated"]],
    ["a contract status Inbank may add: nothing", contract("signed"), contract("archived"), []],
  ])("%s", (_name, previous, current, events) => {
    expect(dueAnnouncements(previous, current)).toEqual(events)
  })

  it("announces nothing but InbankEvents", () => {
    const announced = new Set(
      [
        [
          null,
          {
            application_uuid: "a",
            decision_status: "positive",
            contract_uuid: null,
            contract_status: null,
            process_status: null,
          },
        ],
        [
          null,
          {
            application_uuid: "a",
            decision_status: "negative",
            contract_uuid: null,
            contract_status: null,
            process_status: null,
          },
        ],
        [
          null,
          {
            application_uuid: "a",
            decision_status: "positive",
            contract_uuid: "c",
            contract_status: "signed",
            process_status: "waiting_for_partners_confirmation",
          },
        ],
        [
          null,
          {
            application_uuid: "a",
            decision_status: "positive",
            contract_uuid: "c",
            contract_status: "terminated",
            process_status: null,
          },
        ],
      ].flatMap(([previous, current]) => dueAnnouncements(previous as null, current as AnnouncedState)),
    )
    expect([...announced].every((name) => INBANK_STATE_EVENTS.includes(name))).toBe(true)
  })

  it("announces only the event names the README documents", () => {
    expect(INBANK_STATE_EVENTS.sort()).toEqual(
      [
        "inbank.decision.positive",
        "inbank.decision.negative",
        "inbank.decision.failed",
        "inbank.decision.income_proof_required",
        "inbank.contract.unsigned",
        "inbank.contract.signed",
        "inbank.contract.activation_requires_partner_approval",
        "inbank.contract.activated",
        "inbank.contract.cancelled",
        "inbank.contract.terminated",
      ].sort(),
    )
  })
})
