import { deriveState, DerivedState } from "../derive-state"
import { GIVE_UP_AFTER_MS, nextReconciliation, WITHDRAWAL_WATCH_MS } from "../reconciliation-schedule"

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const now = new Date("2026-12-01T12:00:00Z")
const base = { applicationSigned: true, applicationSigningRequired: false, orderPlaced: false }
const states: Record<string, DerivedState> = {
  undecided: deriveState({ ...base, decisionStatus: "pending" }),
  positive: deriveState({ ...base, decisionStatus: "positive" }),
  declined: deriveState({ ...base, decisionStatus: "negative" }),
  "application cancelled": deriveState({ ...base, decisionStatus: "positive", applicationProcessStatus: "cancelled" }),
  "waiting for the merchant": deriveState({
    ...base,
    decisionStatus: "positive",
    contract: { status: "signed", processStatus: "waiting_for_partners_confirmation" },
  }),
  activated: deriveState({ ...base, decisionStatus: "positive", contract: { status: "activated" } }),
  "contract cancelled": deriveState({ ...base, decisionStatus: "positive", contract: { status: "cancelled" } }),
  terminated: deriveState({ ...base, decisionStatus: "positive", contract: { status: "terminated" } }),
}

describe("nextReconciliation: when the job reads an application again (ms after now, or never)", () => {
  it.each<[string, keyof typeof states, boolean, number, number | null]>([
    ["declined: never", "declined", false, 1 * MIN, null],
    ["application cancelled: never", "application cancelled", false, 1 * MIN, null],
    ["contract cancelled after the order: never", "contract cancelled", true, 2 * DAY, null],
    ["terminated: never", "terminated", true, 3 * DAY, null],
    ["activated with its order: daily, for a termination whose callback was lost", "activated", true, 2 * DAY, DAY],
    ["activated with its order, withdrawal period over: never", "activated", true, WITHDRAWAL_WATCH_MS, null],
    ["activated without an order: Medusa does not agree yet, soon", "activated", false, 1 * MIN, 10 * MIN],
    ["undecided, fresh: after the quiet period", "undecided", false, 1 * MIN, 10 * MIN],
    ["undecided, 2 hours old: after a quarter of its age", "undecided", false, 2 * HOUR, 30 * MIN],
    ["positive, left for 3 days: every six hours", "positive", false, 3 * DAY, 6 * HOUR],
    ["waiting for the merchant, 1 day: every six hours", "waiting for the merchant", true, 1 * DAY, 6 * HOUR],
    ["open for 30 days: given up", "positive", false, GIVE_UP_AFTER_MS, null],
  ])("%s", (_case, state, orderPlaced, age, expected) => {
    const next = nextReconciliation({
      derived: states[state],
      orderPlaced,
      createdAt: new Date(now.getTime() - age),
      now,
      quietMs: 10 * MIN,
    })
    expect(next && next.getTime() - now.getTime()).toBe(expected)
  })
})
