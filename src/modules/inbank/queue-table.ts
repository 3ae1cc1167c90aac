import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"

/** A page of the staff queue: which records, in which order, and how many match in all. */
export interface QueuePageQuery {
  /** Only records in this staff state (their `staff_state` column); all when absent. */
  state?: string
  /** Only these record ids (one row's refresh). */
  ids?: string[]
  /** Page size, 1–200. */
  limit: number
  /** Records to skip, ≥ 0. */
  offset: number
}

/**
 * One page of the staff queue straight from SQL: the contracts awaiting the merchant's approval
 * first, then the newest applications (ties by id, so pages never overlap), optionally only one
 * staff state; and the count of all matching records. Both statements use the partial indexes
 * of Migration20261202040000, so a flood of applications costs neither memory nor a full sort.
 */
export async function queuePage(
  knex: Knex,
  { state, ids, limit, offset }: QueuePageQuery,
): Promise<{ records: InbankApplicationRecord[]; count: number }> {
  const matching = () => {
    const query = knex("inbank_application").whereNull("deleted_at")
    if (ids) query.whereIn("id", ids)
    return state ? query.where({ staff_state: state }) : query
  }
  const [records, [{ count }]] = await Promise.all([
    matching()
      .select("*")
      .orderByRaw(`(staff_state = 'awaiting_approval') DESC NULLS LAST, created_at DESC, id DESC`)
      .limit(limit)
      .offset(offset),
    matching().count<{ count: string }[]>({ count: "*" }),
  ])
  return { records: records as InbankApplicationRecord[], count: Number(count) }
}
