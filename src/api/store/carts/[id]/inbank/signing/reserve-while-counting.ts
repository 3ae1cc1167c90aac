import type { MedusaContainer } from "@medusajs/framework/types"
import type { LimitedAction } from "../../../../../../lib/rate-limit-options"
import { consumeLimits, LimitKeys } from "../../../../../abuse-limits"

/** A reservation on the record (an SMS code's send or one try of it) that can be given back. */
export interface Reservation {
  release: () => Promise<void>
}

/**
 * A reservation taken and the request counted by the abuse limits at once (one database round trip for
 * both). A reservation the limits then refuse is given back and the limits' 429 thrown; a refused
 * reservation (null) leaves the request counted: it asked for what the limits count.
 * @throws PluginHttpError 429 from consumeLimits; the database's errors.
 */
export async function reserveWhileCounting<R extends Reservation>(
  scope: MedusaContainer,
  action: LimitedAction,
  keys: LimitKeys,
  reserve: Promise<R | null>,
): Promise<R | null> {
  const [reserved, counted] = await Promise.allSettled([reserve, consumeLimits(scope, action, keys)])
  if (counted.status === "rejected") {
    if (reserved.status === "fulfilled") await reserved.value?.release()
    throw counted.reason
  }
  if (reserved.status === "rejected") throw reserved.reason
  return reserved.value
}
