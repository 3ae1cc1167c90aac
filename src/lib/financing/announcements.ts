import type { InbankApplicationRecord } from "./record-state"

/**
 * The merchant-facing events `inbank.<type>.<status>` (README "Callbacks"), derived from Inbank's
 * state as applyInbankState observed it — never from what a callback claims.
 */

/** The part of a record the events are about; stored on the record as `announced` once announced. */
export interface AnnouncedState {
  application_uuid: string
  decision_status: string
  contract_uuid: string | null
  contract_status: string | null
  process_status: string | null
}

/** Application decisions (GET /applications/:uuid) by the name of the DECISION callback that reports them. */
const DECISION_EVENTS: Record<string, string> = {
  positive: "positive",
  negative: "negative",
  manual_negative: "negative",
  failed: "failed",
  income_proof_required: "income_proof_required",
}

/** Contract statuses (GET /contracts/:uuid), named as the CONTRACT callbacks name them. */
const CONTRACT_EVENTS = ["unsigned", "signed", "activated", "cancelled", "terminated"]

/** The process status of a signed contract waiting for the merchant (docs/inbank-api.md "Flows" 2). */
const WAITING_FOR_PARTNER = "waiting_for_partners_confirmation"

/**
 * The events this plugin emits for Inbank's state, for merchants' subscribers:
 * `import { InbankEvents } from "medusa-payment-inbank/workflows"`, then
 * `export const config = { event: InbankEvents.CONTRACT_ACTIVATED }`. Each carries
 * InbankStateEventData. `inbank.contract.down_payment_paid_by_customer` is not among them: Inbank's
 * documented reads show no such state, so it cannot be observed.
 */
export const InbankEvents = {
  DECISION_POSITIVE: "inbank.decision.positive",
  DECISION_NEGATIVE: "inbank.decision.negative",
  DECISION_FAILED: "inbank.decision.failed",
  DECISION_INCOME_PROOF_REQUIRED: "inbank.decision.income_proof_required",
  CONTRACT_UNSIGNED: "inbank.contract.unsigned",
  CONTRACT_SIGNED: "inbank.contract.signed",
  CONTRACT_ACTIVATION_REQUIRES_PARTNER_APPROVAL: "inbank.contract.activation_requires_partner_approval",
  CONTRACT_ACTIVATED: "inbank.contract.activated",
  CONTRACT_CANCELLED: "inbank.contract.cancelled",
  CONTRACT_TERMINATED: "inbank.contract.terminated",
} as const

/** Every event name in InbankEvents. */
export const INBANK_STATE_EVENTS: string[] = Object.values(InbankEvents)

/** What an announcement compares: the record's application and contract UUIDs and statuses as last read from Inbank. */
export function announcedStateOf(record: InbankApplicationRecord): AnnouncedState {
  return {
    application_uuid: record.application_uuid,
    decision_status: record.decision_status,
    contract_uuid: record.contract_uuid,
    contract_status: record.contract_status,
    process_status: record.process_status,
  }
}

interface Milestone {
  /** What must differ from the announced state for the event to be due again (entity and status). */
  identity: string
  event: string
}

/** What the state shows, one milestone per kind: the decision, the contract's status, the wait for the merchant. */
function milestones(state: AnnouncedState): Record<"decision" | "contract" | "approval", Milestone | null> {
  const decision = DECISION_EVENTS[state.decision_status]
  const contract =
    state.contract_uuid && state.contract_status && CONTRACT_EVENTS.includes(state.contract_status)
      ? state.contract_status
      : null
  const waiting =
    state.contract_uuid && state.contract_status === "signed" && state.process_status === WAITING_FOR_PARTNER
  return {
    decision: decision
      ? { identity: `${state.application_uuid} ${decision}`, event: `inbank.decision.${decision}` }
      : null,
    contract: contract
      ? { identity: `${state.contract_uuid} ${contract}`, event: `inbank.contract.${contract}` }
      : null,
    approval: waiting
      ? { identity: `${state.contract_uuid}`, event: "inbank.contract.activation_requires_partner_approval" }
      : null,
  }
}

/**
 * The events due when Inbank's state went from `previous` (last announced; null: never) to `current`:
 * one per kind whose milestone is new — a new decision (also of a replacing application), a new
 * contract status, the start of a wait for the merchant. A state seen again after something else
 * (POSITIVE, then INCOME_PROOF_REQUIRED, then POSITIVE) is announced again; the same state twice is not.
 * In the order decision, contract, approval.
 */
export function dueAnnouncements(previous: AnnouncedState | null, current: AnnouncedState): string[] {
  const before = previous ? milestones(previous) : null
  const after = milestones(current)
  return (["decision", "contract", "approval"] as const)
    .filter((kind) => after[kind] && after[kind].identity !== before?.[kind]?.identity)
    .map((kind) => after[kind]!.event)
}
