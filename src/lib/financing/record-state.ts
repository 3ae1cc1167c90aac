import { toInbankAmount } from "inbank-partner-api"
import type { Contract, ContractStatus, DecisionStatus } from "inbank-partner-api"
import { deriveState, DerivedState } from "./derive-state"
import type { FetchedState } from "./snapshot"
import type { AnnouncedState } from "./announcements"

/** Vendor: poll the decision at most once a second, for at most 30 seconds; then wait for callbacks. */
export const DECISION_POLL_LIMIT_MS = 30_000

/** A row of the module's `inbank_application` table, as the domain reads it (amounts in `raw_amount`, PLN). */
export interface InbankApplicationRecord {
  id: string
  cart_id: string
  payment_collection_id: string | null
  payment_session_id: string | null
  order_id: string | null
  application_uuid: string
  application_number: string | null
  previous_uuids: { uuids: string[] }
  raw_amount: { value: string }
  period: number
  decision_status: string
  process_status: string | null
  application_signed: boolean
  contract_uuid: string | null
  contract_number: string | null
  contract_status: string | null
  offer: Record<string, unknown> | null
  cancelled_at: Date | string | null
  /** The state last announced to the merchant's subscribers; null before the first announcement. */
  announced: AnnouncedState | null
  decision_requested_at: Date | string
  /** When the reconciliation job reads it next; null when nothing can change any more. */
  check_after: Date | string | null
  /** The staff state as last written (staff-state.ts), for the queue's SQL; null before the first update. */
  staff_state?: string | null
  created_at: Date | string
  updated_at: Date | string
  /** When Inbank's state was last read into the record; null before the first read. */
  synced_at: Date | string | null
  /** Keyed hashes the SMS and code limits count by (null on records from before they were stored). */
  phone_hash: string | null
  identity_hash: string | null
  /** "+48 *** *** 200": the phone the SMS codes go to, all but its last three digits hidden (null on older records). */
  phone_masked: string | null
  /** When the current SMS code was sent; null before the first. */
  sms_sent_at: Date | string | null
  /** Wrong tries of the current SMS code. */
  sms_failed_attempts: number
}

/** A record whose contract Inbank has created. */
export type RecordWithContract = InbankApplicationRecord & { contract_uuid: string }

/** Whether Inbank has created the record's contract (`contract_uuid` set); narrows the record's type. */
export const hasContract = (record: InbankApplicationRecord): record is RecordWithContract =>
  Boolean(record.contract_uuid)

/** The record's last known Inbank state through the one derivation. */
export function deriveRecordState(
  record: InbankApplicationRecord,
  context: { applicationSigningRequired: boolean; orderPlaced: boolean },
): DerivedState {
  return deriveState({
    decisionStatus: record.decision_status as DecisionStatus,
    applicationProcessStatus: record.cancelled_at ? "cancelled" : record.contract_status ? null : record.process_status,
    applicationSigned: record.application_signed,
    applicationSigningRequired: context.applicationSigningRequired,
    contract: record.contract_status
      ? { status: record.contract_status as ContractStatus, processStatus: record.process_status }
      : null,
    orderPlaced: context.orderPlaced,
  })
}

/** Whether asking Inbank now can tell anything new, within the vendor's polling rules. */
export function worthPolling(record: InbankApplicationRecord, derived: DerivedState, now = Date.now()): boolean {
  if (derived.final) return false
  if (derived.nextAction === "wait")
    return now - new Date(record.decision_requested_at).getTime() < DECISION_POLL_LIMIT_MS
  return true
}

/** The record's contract fields as Inbank's contract answers them. */
export function contractUpdateFrom(contract: Contract) {
  return {
    contract_uuid: contract.contract.uuid,
    contract_number: contract.contract.number ?? null,
    contract_status: contract.contract.status,
    process_status: contract.processStatus ?? contract.contract.processStatus ?? null,
  }
}

/** The record's fields as Inbank answered them. */
export function recordUpdateFrom(record: InbankApplicationRecord, fetched: FetchedState) {
  const credit = fetched.application.creditApplication
  const schedule = fetched.application.paymentSchedule
  const contract = fetched.contract
  const replaced = credit.uuid !== record.application_uuid
  return {
    id: record.id,
    application_uuid: credit.uuid,
    previous_uuids: replaced
      ? { uuids: [...record.previous_uuids.uuids, record.application_uuid] }
      : record.previous_uuids,
    application_number: credit.number ?? null,
    // Changed conditions may alter the period or amount: the record follows what Inbank finances.
    period: credit.period ?? record.period,
    ...(credit.amount != null && credit.amount !== toInbankAmount(record.raw_amount) ? { amount: credit.amount } : {}),
    decision_status: credit.decisionStatus,
    process_status: credit.processStatus ?? null,
    application_signed: record.application_signed || Boolean(credit.confirmedAt),
    // A new wait for a decision (after a signature or income proof) opens a new 30 s polling window.
    ...(credit.decisionStatus === "pending" &&
      record.decision_status !== "pending" && { decision_requested_at: new Date() }),
    contract_uuid: record.contract_uuid,
    contract_number: null,
    contract_status: null,
    ...(contract && contractUpdateFrom(contract)),
    offer: schedule
      ? {
          amount: schedule.amount ?? credit.amount ?? null,
          period: schedule.period ?? credit.period ?? null,
          monthly_payment: schedule.paymentAmountMonthly,
          interest_rate_annual: schedule.interestRateAnnual ?? null,
          apr: schedule.creditCostRateAnnual ?? null,
          total_cost: schedule.repaymentsAmountTotal ?? null,
          total_cost_of_credit: schedule.creditCostAmountTotal ?? null,
          offer_valid_to: credit.offerValidTo ?? null,
        }
      : null,
    synced_at: new Date(),
  }
}
