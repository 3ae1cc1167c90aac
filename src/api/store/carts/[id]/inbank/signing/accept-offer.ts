import { MedusaError } from "@medusajs/framework/utils"
import { InbankError } from "../../../../../../lib/inbank"
import type InbankModuleService from "../../../../../../modules/inbank/service"
import { deriveRecordState, hasContract, InbankApplicationRecord, RecordWithContract } from "../../../../../../modules/inbank/record-state"

/**
 * The contract waiting for the shopper's signature: the record's, or the one created now by accepting
 * the offer (partner API reference, POST /applications/:uuid/accept: "Accepting the application
 * automatically creates a contract and returns the identifier of the contract").
 */
export async function contractToSign(inbank: InbankModuleService, record: InbankApplicationRecord): Promise<RecordWithContract> {
  if (hasContract(record)) return record
  const context = { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: false }
  // The record may not know the decision yet: ask Inbank, within the polling rules.
  const current = deriveRecordState(record, context).nextAction === "complete_cart" ? record : await inbank.refresh(record, false)
  if (hasContract(current)) return current
  const { nextAction } = deriveRecordState(current, context)
  if (nextAction !== "complete_cart") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `There is no offer to accept: the application's next step is ${nextAction}`)
  }
  try {
    const { contract } = await inbank.client.acceptApplication(current.application_uuid)
    return (await inbank.saveRecord({ id: current.id, contract_uuid: contract.uuid, contract_status: "unsigned" })) as RecordWithContract
  } catch (error) {
    // Refused because the offer was accepted already (an earlier answer lost, or the cart's completion):
    // Inbank's application names the contract.
    if (!(error instanceof InbankError && error.status === 422)) throw error
    const refreshed = await inbank.refreshNow(current.id)
    if (!hasContract(refreshed)) throw error
    return refreshed
  }
}
