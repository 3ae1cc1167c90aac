import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import { MAX_CODE_ATTEMPTS } from "../../lib/financing/sms-signing"

/** The SMS fields of a record before a code was reserved: what giving the reservation back restores. */
export interface SmsBefore {
  sms_sent_at: Date | null
  sms_failed_attempts: number
}

/**
 * Reserves the sending of a new SMS code in one UPDATE, before Inbank is asked to send it: the
 * record's code is marked sent at `now` with all its tries, unless another code went out after
 * `notBefore` and is not void. Concurrent requests (two tabs) queue on the row lock and only one
 * wins, so the resend cooldown holds under any interleaving.
 * @returns the record as reserved and its SMS fields before, or null when a live code is too recent
 *   (or there is no live record).
 */
export async function reserveCodeSend(
  knex: Knex,
  id: string,
  now: Date,
  notBefore: Date,
): Promise<{ record: InbankApplicationRecord; before: SmsBefore } | null> {
  type Row = InbankApplicationRecord & { before_sms_sent_at: Date | null; before_sms_failed_attempts: number }
  const { rows } = await knex.raw<{ rows: Row[] }>(
    `UPDATE inbank_application AS a
        SET sms_sent_at = ?, sms_failed_attempts = 0, updated_at = now()
       FROM (SELECT id, sms_sent_at, sms_failed_attempts FROM inbank_application
              WHERE id = ? AND deleted_at IS NULL FOR UPDATE) AS before
      WHERE a.id = before.id
        AND (before.sms_sent_at IS NULL OR before.sms_sent_at <= ? OR before.sms_failed_attempts >= ?)
  RETURNING a.*, before.sms_sent_at AS before_sms_sent_at, before.sms_failed_attempts AS before_sms_failed_attempts`,
    [now, id, notBefore, MAX_CODE_ATTEMPTS],
  )
  const [row] = rows
  if (!row) return null
  const { before_sms_sent_at, before_sms_failed_attempts, ...record } = row
  return { record, before: { sms_sent_at: before_sms_sent_at, sms_failed_attempts: before_sms_failed_attempts } }
}

/**
 * Gives a code-send reservation back after Inbank did not send the code: the SMS fields return to
 * `before`, only while the record still holds the reservation made at `reservedAt` (a later send keeps its own).
 * @returns the record as restored, or undefined when it held another code by then.
 */
export async function releaseCodeSend(
  knex: Knex,
  id: string,
  reservedAt: Date,
  before: SmsBefore,
): Promise<InbankApplicationRecord | undefined> {
  const rows = (await knex("inbank_application")
    .where({ id, sms_sent_at: reservedAt })
    .update({ sms_sent_at: before.sms_sent_at, sms_failed_attempts: before.sms_failed_attempts })
    .returning("*")) as InbankApplicationRecord[]
  return rows[0]
}

/**
 * Reserves one try of the record's current SMS code in one UPDATE, before Inbank sees the code: the
 * try counts as wrong until Inbank accepts it. Concurrent tries are counted one by one, so no more
 * than MAX_CODE_ATTEMPTS of one code ever reach Inbank.
 * @returns the record with the try counted, or null when the code has no try left (or there is no live record).
 */
export async function reserveCodeTry(knex: Knex, id: string): Promise<InbankApplicationRecord | null> {
  const rows = (await knex("inbank_application")
    .where({ id, deleted_at: null })
    .andWhere("sms_failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .update({ sms_failed_attempts: knex.raw("sms_failed_attempts + 1"), updated_at: knex.fn.now() })
    .returning("*")) as InbankApplicationRecord[]
  return rows[0] ?? null
}

/**
 * Gives a reserved try back when Inbank did not judge the code (it failed to answer, or a limit refused the
 * request first): one try less, only while the record holds the same code (sent at `codeSentAt`).
 * @returns the record as restored, or undefined when it held another code by then.
 */
export async function releaseCodeTry(
  knex: Knex,
  id: string,
  codeSentAt: Date | string | null,
): Promise<InbankApplicationRecord | undefined> {
  const rows = (await knex("inbank_application")
    .where({ id })
    .andWhere("sms_failed_attempts", ">", 0)
    .andWhereRaw("sms_sent_at IS NOT DISTINCT FROM ?", [codeSentAt ? new Date(codeSentAt) : null])
    .update({ sms_failed_attempts: knex.raw("sms_failed_attempts - 1") })
    .returning("*")) as InbankApplicationRecord[]
  return rows[0]
}
