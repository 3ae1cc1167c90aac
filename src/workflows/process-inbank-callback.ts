import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { InbankError } from "../lib/inbank"
import { INBANK_MODULE } from "../modules/inbank"
import { claimCallback, finishCallback, findApplicationId } from "../modules/inbank/callback-table"
import type InbankModuleService from "../modules/inbank/service"
import { applyInbankState } from "./apply-inbank-state"

/**
 * A recorded callback, as a trigger: Inbank's current state is fetched and applied (see
 * applyInbankState), then `inbank.<type>.<status>` is emitted for the merchant's own subscribers,
 * e.g. `inbank.contract.activated`. A failure is kept on the record for the reconciliation job.
 */
export async function processInbankCallback(container: MedusaContainer, callbackId: string): Promise<void> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const callback = await claimCallback(knex, callbackId)
  if (!callback) return
  try {
    const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
    const recordId = await findRecordId(knex, inbank, callback.application_uuid)
    if (!recordId) {
      await finishCallback(knex, callback.id, "unknown_application", true)
      return
    }
    const applied = await applyInbankState(container, recordId)
    await finishCallback(knex, callback.id, applied.actions.join(",") || "no_change", true)
    await container.resolve(Modules.EVENT_BUS).emit({
      name: `inbank.${callback.type.toLowerCase()}.${callback.status.toLowerCase()}`,
      data: { application_uuid: applied.record.application_uuid, cart_id: applied.record.cart_id, order_id: applied.orderId, session_status: applied.derived.sessionStatus },
    })
  } catch (error) {
    await finishCallback(knex, callback.id, `failed: ${(error as Error).message}`, false)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Inbank callback ${callback.id} (${callback.type} ${callback.status}) failed, will be retried: ${(error as Error).message}`)
  }
}

/** Our record of the application, also when Inbank replaced it (changed conditions) after we stored it. */
async function findRecordId(knex: Knex, inbank: InbankModuleService, uuid: string): Promise<string | null> {
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
