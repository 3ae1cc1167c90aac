import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"

/**
 * Columns a record update may set: everything but its identity and cart. `amount` is the financed
 * amount as a two-digit decimal string (PLN), stored in Medusa's bigNumber pair (amount, raw_amount).
 */
export type RecordUpdate = { id: string } & Partial<Omit<InbankApplicationRecord, "id" | "cart_id" | "raw_amount">> & {
    synced_at?: Date
    amount?: string
  }

const JSON_COLUMNS = new Set(["previous_uuids", "offer", "announced"])

const definedFields = (fields: object) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))

/**
 * One UPDATE … RETURNING on the `inbank_application` model's table. The checkout's routes write a
 * record once or twice each: measured, the module service's update (a read, an ORM change set, a
 * transaction, serialization) cost 6–10 ms of a route's time, this one statement about 1 ms.
 * `amount` is PLN as a decimal string; JSON columns are serialized here. Returns the row as written.
 *
 * The row's staff state (`staffStateOf`, which the queue filters on) goes in the same statement when the
 * caller gives the record it updates (`base`): computed from `base` with the update over it. When the row
 * as written says otherwise (no base, or a concurrent write in between), a second UPDATE corrects it,
 * leaving `updated_at` alone — only on the row version this statement wrote (`xmin`), so a late
 * correction never overwrites a newer write's own state.
 * @throws Error when no live record has the id.
 */
export async function updateRecord(
  knex: Knex,
  { id, amount, ...fields }: RecordUpdate,
  staffStateOf: (record: InbankApplicationRecord) => string,
  base?: InbankApplicationRecord,
): Promise<InbankApplicationRecord> {
  const values: Record<string, unknown> = Object.fromEntries(
    Object.entries(definedFields(fields)).map(([column, value]) => [
      column,
      JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value,
    ]),
  )
  // Medusa's bigNumber columns: the numeric and its exact raw form (precision as Medusa writes it).
  if (amount !== undefined)
    Object.assign(values, { amount, raw_amount: JSON.stringify({ value: amount, precision: 20 }) })
  if (base) values.staff_state = staffStateOf({ ...base, ...definedFields(fields) })
  const rows: (InbankApplicationRecord & { row_version: string })[] = await knex("inbank_application")
    .where({ id, deleted_at: null })
    .update({ ...values, updated_at: knex.fn.now() })
    .returning(["*", knex.raw("xmin::text as row_version")])
  const [row] = rows
  if (!row) throw new Error(`Inbank application record ${id} was not found`)
  const { row_version, ...record } = row
  const staffState = staffStateOf(record)
  if (record.staff_state === staffState) return record
  await knex("inbank_application")
    .where({ id })
    .andWhereRaw("xmin::text = ?", [row_version])
    .update({ staff_state: staffState })
  return { ...record, staff_state: staffState }
}

/**
 * The cart's newest record, or undefined: one indexed SELECT, where the generated list costs several ms of each
 * checkout route.
 */
export async function newestCartRecord(knex: Knex, cartId: string): Promise<InbankApplicationRecord | undefined> {
  return (await knex("inbank_application")
    .where({ cart_id: cartId, deleted_at: null })
    .orderBy("created_at", "desc")
    .first()) as InbankApplicationRecord | undefined
}

/**
 * The record of an application by any UUID Inbank gave it (the current one, or one it replaced
 * after changed conditions), or undefined: one SELECT on the unique index or the UUID history.
 */
export async function recordByApplicationUuid(
  knex: Knex,
  applicationUuid: string,
): Promise<InbankApplicationRecord | undefined> {
  return (await knex("inbank_application")
    .where({ deleted_at: null })
    .andWhere((where) => {
      where
        .where({ application_uuid: applicationUuid })
        .orWhereRaw(`previous_uuids->'uuids' @> jsonb_build_array(?::text)`, [applicationUuid])
    })
    .first()) as InbankApplicationRecord | undefined
}

/**
 * Up to `limit` records the reconciliation job must read by `asOf`, earliest due first, leaving out
 * `seen` (those this run already read): one SELECT on the partial `check_after` index.
 */
export async function recordsDue(
  knex: Knex,
  asOf: Date,
  limit: number,
  seen: string[],
): Promise<InbankApplicationRecord[]> {
  const query = knex("inbank_application").where({ deleted_at: null }).andWhere("check_after", "<=", asOf)
  if (seen.length) query.whereNotIn("id", seen)
  return query.orderBy([{ column: "check_after" }, { column: "id" }]).limit(limit)
}

/** Sets when the reconciliation job reads the record next (null: never), leaving `updated_at` alone. */
export async function setCheckAfter(knex: Knex, id: string, at: Date | null): Promise<void> {
  await knex("inbank_application").where({ id }).update({ check_after: at })
}
