import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isInbankUuid } from "inbank-partner-api"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { applyInbankState } from "./apply-inbank-state"

/**
 * A recorded callback, as a trigger only: Inbank's current state is fetched and applied, and the
 * merchant's `inbank.<type>.<status>` events go out for what that read shows changed (see
 * applyInbankState) — the callback's own type and status decide nothing. A failure is kept on the
 * record for the reconciliation job.
 */
export async function processInbankCallback(container: MedusaContainer, callbackId: string): Promise<void> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const callback = await inbank.claimCallback(callbackId)
  if (!callback) return
  try {
    await inbank.noteCallback(callback.application_uuid, callback.created_at)
    const recordId = await findRecordId(inbank, callback.application_uuid)
    if (!recordId) {
      await inbank.finishCallback(callback.id, "unknown_application", true)
      return
    }
    const applied = await applyInbankState(container, recordId)
    await inbank.finishCallback(callback.id, applied.actions.join(",") || "no_change", true)
  } catch (error) {
    await inbank.finishCallback(callback.id, `failed: ${(error as Error).message}`, false)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Inbank callback ${callback.id} (${callback.type} ${callback.status}) failed, will be retried: ${(error as Error).message}`,
      )
  }
}

/**
 * Our record of the application, also when Inbank replaced it (changed conditions) after we stored
 * it. Only a UUID is looked up (the route accepts nothing else; this also covers rows recorded before
 * it checked): nothing from outside goes into an Inbank URL unchecked.
 */
async function findRecordId(inbank: InbankModuleService, uuid: string): Promise<string | null> {
  if (!isInbankUuid(uuid)) return null
  const direct = await inbank.applicationRecordId(uuid)
  if (direct) return direct
  const previousUuid = await inbank.replacedApplicationUuid(uuid)
  return previousUuid ? inbank.applicationRecordId(previousUuid) : null
}
