import { entityId } from "./entity-id"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The callback bookkeeping as single SQL statements on the `inbank_callback` model's table. This is
 * the hot path of every callback: measured, each module-service call (ORM context, transaction,
 * serialization) cost more CPU than everything else a callback does (see bench/results.md).
 */

export interface VerifiedCallback {
  application_uuid: string
  type: string
  status: string
  sent_at: Date
}

export interface ClaimedCallback {
  id: string
  application_uuid: string
  type: string
  status: string
  /** When the callback was recorded (received). */
  created_at: Date
}

/**
 * Records verified callbacks in one statement, each unless its (application, type, status, signed
 * timestamp) is already recorded: the unique index is the exactly-once gate, also across instances.
 * Every part of the key is covered by Inbank's HMAC, so only Inbank can make a new key: a replay is
 * a duplicate, and cannot take the key of a later genuine callback (which carries a later timestamp).
 * Returns each one's new id, or null for a duplicate (no failed transaction, as the module service's
 * create would have). A key given twice is recorded for its first occurrence (ON CONFLICT DO NOTHING
 * skips the second row).
 */
export async function insertCallbacks(knex: Knex, callbacks: readonly VerifiedCallback[]): Promise<(string | null)[]> {
  const rows = callbacks.map((callback) => ({ id: entityId("inbcb"), key: keyOf(callback), ...callback }))
  // One row order for every statement, so two instances inserting the same keys take their index
  // locks in the same order and cannot deadlock each other.
  const ordered = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const { rows: inserted } = await knex.raw<{ rows: { id: string }[] }>(
    `insert into inbank_callback (id, application_uuid, type, status, sent_at, attempts)
     values ${ordered.map(() => "(?, ?, ?, ?, ?, 0)").join(", ")}
     on conflict (application_uuid, type, status, sent_at) where deleted_at is null do nothing
     returning id`,
    ordered.flatMap((row) => [row.id, row.application_uuid, row.type, row.status, row.sent_at]),
  )
  const recorded = new Set(inserted.map((row) => row.id))
  return rows.map((row) => (recorded.has(row.id) ? row.id : null))
}

const keyOf = (callback: VerifiedCallback) =>
  `${callback.application_uuid}\u0000${callback.type}\u0000${callback.status}\u0000${callback.sent_at.toISOString()}`

/** Counts an attempt at a callback not processed yet; null when it is processed (or gone). */
export async function claimCallback(knex: Knex, id: string): Promise<ClaimedCallback | null> {
  const { rows } = await knex.raw<{ rows: ClaimedCallback[] }>(
    `update inbank_callback set attempts = attempts + 1, updated_at = now()
     where id = ? and processed_at is null and deleted_at is null
     returning id, application_uuid, type, status, created_at`,
    [id],
  )
  return rows[0] ?? null
}

/** Stores what processing did; `processed` false leaves it to the reconciliation job. */
export async function finishCallback(knex: Knex, id: string, outcome: string, processed: boolean): Promise<void> {
  await knex.raw(
    `update inbank_callback set outcome = ?, processed_at = case when ? then now() else null end, updated_at = now() where id = ?`,
    [outcome.slice(0, 500), processed, id],
  )
}

/** Our record's id for an application UUID, if we have one. */
export async function findApplicationId(knex: Knex, applicationUuid: string): Promise<string | null> {
  const { rows } = await knex.raw<{ rows: { id: string }[] }>(
    `select id from inbank_application where application_uuid = ? and deleted_at is null limit 1`,
    [applicationUuid],
  )
  return rows[0]?.id ?? null
}
