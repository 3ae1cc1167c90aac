import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InbankError, isInbankUuid } from "../lib/inbank"
import { INBANK_MODULE } from "../modules/inbank"
import { claimCallback, finishCallback, findApplicationId } from "../modules/inbank/callback-table"
import type InbankModuleService from "../modules/inbank/service"
import { applyInbankState } from "./apply-inbank-state"

/**
 * A recorded callback, as a trigger only: Inbank's current state is fetched and applied, and the
 * merchant's `inbank.<type>.<status>` events go out for what that read shows changed (see
 * applyInbankState) — the callback's own type and status decide nothing. A failure is kept on the
 * record for the reconciliation job.
 */
export async function processInbankCallback(container: MedusaContainer, callbackId: string): Promise<void> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const callback = await claimCallback(knex, callbackId)
  if (!callback) return
  try {
    const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
    await inbank.noteCallback(callback.application_uuid, callback.created_at)
    const recordId = await findRecordId(knex, inbank, callback.application_uuid)
    if (!recordId) {
      await finishCallback(knex, callback.id, "unknown_application", true)
      return
    }
    const applied = await applyInbankState(container, recordId)
    await finishCallback(knex, callback.id, applied.actions.join(",") || "no_change", true)
  } catch (error) {
    await finishCallback(knex, callback.id, `failed: ${(error as Error).message}`, false)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Inbank callback ${callback.id} (${callback.type} ${callback.status}) failed, will be retried: ${(error as Error).message}`)
  }
}

/**
 * Our record of the application, also when Inbank replaced it (changed conditions) after we stored
 * it. Only a UUID is looked up (the route accepts nothing else; this also covers rows recorded before
 * it checked): nothing from outside goes into an Inbank URL unchecked.
 */
async function findRecordId(knex: Knex, inbank: InbankModuleService, uuid: string): Promise<string | null> {
  if (!isInbankUuid(uuid)) return null
  const direct = await findApplicationId(knex, uuid)
  if (direct) return direct
  let previousUuid: string | null | undefined
  try {
    previousUuid = (await inbank.client.getApplication(uuid)).creditApplication.previousUuid
  } catch (error) {
    // Inbank does not know it either: nothing to process now or on retry.
    if (error instanceof InbankError && error.status === 404) return null
    throw error
  }
  return previousUuid ? findApplicationId(knex, previousUuid) : null
}
