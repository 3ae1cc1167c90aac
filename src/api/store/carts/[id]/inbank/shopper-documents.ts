import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InbankError } from "inbank-partner-api"
import type { InbankApplicationRecord } from "../../../../../lib/financing/record-state"
import type InbankModuleService from "../../../../../modules/inbank/service"
import type { ShopperDocument } from "./state-view"

/** Contract statuses whose document the shopper may still need: to read before signing, to keep after. */
const DOCUMENTED = new Set(["unsigned", "signed", "activated"])

/**
 * The documents the shopper reads before signing: the contract's printout link once Inbank has made the
 * contract (docs/inbank-api.md, endpoint 12; Inbank's documented API offers no other pre-contract
 * document). A printout Inbank fails to give is left out and logged without Inbank's text: the state
 * still answers, and the storefront says the document is not available yet. Throws only non-Inbank errors.
 */
export async function shopperDocuments(
  scope: MedusaContainer,
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
): Promise<ShopperDocument[]> {
  if (!record.contract_uuid || !DOCUMENTED.has(record.contract_status ?? "")) return []
  try {
    const printout = await inbank.contractDocument(record.contract_uuid)
    return [{ type: "contract", url: printout.link }]
  } catch (error) {
    if (!(error instanceof InbankError)) throw error
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Inbank: no contract printout for ${record.contract_uuid} (${error.kind}, HTTP ${error.status ?? "-"})`)
    return []
  }
}
