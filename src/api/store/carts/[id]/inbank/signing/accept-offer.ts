import { InbankError } from "inbank-partner-api"
import type InbankModuleService from "../../../../../../modules/inbank/service"
import { storeRefusal } from "../../../../../messages/refusal"
import { hasContract, InbankApplicationRecord, RecordWithContract } from "../../../../../../lib/financing/record-state"

export interface ContractToSign {
  record: RecordWithContract
  /** The record's write of a contract accepted just now, still under way (the caller awaits it). */
  saving: Promise<InbankApplicationRecord> | null
}

/**
 * The contract waiting for the shopper's signature: the record's, or the one created now by accepting
 * the offer (partner API reference, POST /applications/:uuid/accept: "Accepting the application
 * automatically creates a contract and returns the identifier of the contract").
 * @throws PluginHttpError 400 `no_offer` (field `subject`) while the application has no positive decision to accept.
 */
export async function contractToSign(
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
): Promise<ContractToSign> {
  if (hasContract(record)) return { record, saving: null }
  // The record may not know the decision yet: ask Inbank, within the polling rules.
  const current =
    inbank.stateOf(record, { orderPlaced: false }).nextAction === "complete_cart"
      ? record
      : await inbank.refresh(record, false)
  if (hasContract(current)) return { record: current, saving: null }
  const { nextAction } = inbank.stateOf(current, { orderPlaced: false })
  if (nextAction !== "complete_cart") throw storeRefusal("no_offer", { field: "subject" })
  try {
    const { contractUuid } = await inbank.acceptOffer(current.application_uuid)
    const accepted = { contract_uuid: contractUuid, contract_status: "unsigned" }
    return { record: { ...current, ...accepted }, saving: inbank.saveRecord({ id: current.id, ...accepted }, current) }
  } catch (error) {
    // Refused because the offer was accepted already (an earlier answer lost, or the cart's completion):
    // Inbank's application names the contract.
    if (!(error instanceof InbankError && error.status === 422)) throw error
    const refreshed = await inbank.refreshNow(current.id)
    if (!hasContract(refreshed)) throw error
    return { record: refreshed, saving: null }
  }
}
