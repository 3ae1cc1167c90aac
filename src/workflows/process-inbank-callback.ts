import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import type { InbankApplicationRecord } from "../modules/inbank/record-state"
import { applyInbankState } from "./apply-inbank-state"

/**
 * A recorded callback, as a trigger: Inbank's current state is fetched and applied (see
 * applyInbankState), then `inbank.<type>.<status>` is emitted for the merchant's own subscribers,
 * e.g. `inbank.contract.activated`. A failure is kept on the record for the reconciliation job.
 */
export async function processInbankCallback(container: MedusaContainer, callbackId: string): Promise<void> {
  const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
  const callback = await inbank.retrieveInbankCallback(callbackId)
  if (callback.processed_at) return
  const attempts = callback.attempts + 1
  try {
    const record = await findRecord(inbank, callback.application_uuid)
    if (!record) {
      await inbank.updateInbankCallbacks({ id: callback.id, processed_at: new Date(), outcome: "unknown_application", attempts })
      return
    }
    const applied = await applyInbankState(container, record.id)
    await inbank.updateInbankCallbacks({ id: callback.id, processed_at: new Date(), outcome: applied.actions.join(",") || "no_change", attempts })
    await container.resolve(Modules.EVENT_BUS).emit({
      name: `inbank.${callback.type.toLowerCase()}.${callback.status.toLowerCase()}`,
      data: { application_uuid: record.application_uuid, cart_id: record.cart_id, order_id: applied.orderId, session_status: applied.derived.sessionStatus },
    })
  } catch (error) {
    await inbank.updateInbankCallbacks({ id: callback.id, outcome: `failed: ${(error as Error).message}`.slice(0, 500), attempts })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Inbank callback ${callback.id} (${callback.type} ${callback.status}) failed, will be retried: ${(error as Error).message}`)
  }
}

/** Our record of the application, also when Inbank replaced it (changed conditions) after we stored it. */
async function findRecord(inbank: InbankModuleService, uuid: string): Promise<InbankApplicationRecord | null> {
  const [direct] = await inbank.listInbankApplications({ application_uuid: uuid })
  if (direct) return direct as unknown as InbankApplicationRecord
  const { creditApplication } = await inbank.client.getApplication(uuid)
  if (!creditApplication.previousUuid) return null
  const [replaced] = await inbank.listInbankApplications({ application_uuid: creditApplication.previousUuid })
  return (replaced as unknown as InbankApplicationRecord) ?? null
}
