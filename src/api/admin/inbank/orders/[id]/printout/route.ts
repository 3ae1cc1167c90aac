import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withInbankErrors } from "../../../../../inbank-errors"
import { loadOrderFinancing } from "../../../order-financing"

/** A freshly generated link to the contract printout (direct API guide, printouts `force_regeneration`). */
export const GET = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { inbank, record } = await loadOrderFinancing(req.scope, req.params.id)
  if (!record.contract_uuid) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no contract yet")
  const printout = await inbank.contractPrintout(record.contract_uuid)
  res.json({ link: printout.link })
})
