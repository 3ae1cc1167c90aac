import type { DerivedState } from "./derive-state"

const HOUR_MS = 60 * 60_000
const DAY_MS = 24 * HOUR_MS

/**
 * How long a consumer may withdraw from a credit agreement (Polish Consumer Credit Act of
 * 12 May 2011, art. 53: 14 days from its conclusion), plus a day for the contract to be signed
 * after its application: a termination whose callback was lost still reaches the order.
 */
export const WITHDRAWAL_WATCH_MS = 15 * DAY_MS
/** How often an activated contract is read while it is watched for a withdrawal. */
export const WATCH_INTERVAL_MS = DAY_MS
/** The longest wait between two reads of an application that is still open. */
export const MAX_OPEN_INTERVAL_MS = 6 * HOUR_MS
/**
 * After this an application still open is left alone: Inbank's offer expires (partner API reference,
 * GET application: `offer_valid_to`, ten days after `created_at` in its example), so nothing can
 * change any more.
 */
export const GIVE_UP_AFTER_MS = 30 * DAY_MS

/** What the reconciliation schedule is decided on, for one application record. */
export interface ScheduleInput {
  /** The record's Inbank state as just applied (deriveRecordState). */
  derived: DerivedState
  /** An order was placed with this application's session. */
  orderPlaced: boolean
  /** When the application was submitted. */
  createdAt: Date
  /** Now. */
  now: Date
  /** The plugin's `reconcileAfterMinutes`, in ms: the least wait between two reads by the job. */
  quietMs: number
}

/**
 * When the reconciliation job should read this application again after making Medusa agree with
 * it, or null when nothing can change any more (the record leaves the job's SQL selection):
 * - declined, cancelled, terminated: null (Medusa was made to agree, and Inbank ends there);
 * - activated with its order: once a day until the withdrawal period is over, then null;
 * - anything else (undecided, waiting for the shopper or the merchant, activated without an order):
 *   after a quarter of the application's age, at least `quietMs` and at most six hours, so a fresh
 *   application is watched closely and an old one cheaply; null after 30 days.
 */
export function nextReconciliation({ derived, orderPlaced, createdAt, now, quietMs }: ScheduleInput): Date | null {
  const age = now.getTime() - createdAt.getTime()
  const at = (ms: number) => new Date(now.getTime() + ms)
  if (derived.sessionStatus === "captured" && orderPlaced)
    return age < WITHDRAWAL_WATCH_MS ? at(WATCH_INTERVAL_MS) : null
  if (derived.final && derived.sessionStatus !== "captured") return null
  if (age >= GIVE_UP_AFTER_MS) return null
  return at(Math.min(Math.max(quietMs, age / 4), MAX_OPEN_INTERVAL_MS))
}
