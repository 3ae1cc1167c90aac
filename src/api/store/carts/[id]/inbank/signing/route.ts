import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withInbankErrors } from "../../../../../inbank-errors"
import { findCartApplication, withKnownContract } from "../cart-application"
import { stateView } from "../state-view"
import type { StoreInbankSigningType } from "../validators"

/** Sends (or sends again) the SMS code that signs the application or the contract. */
export const POST = withInbankErrors(async (req: MedusaRequest<StoreInbankSigningType>, res: MedusaResponse) => {
  const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
  if (req.validatedBody.subject === "application") {
    await inbank.client.startApplicationSigning(record.application_uuid, "sms")
  } else {
    const { contract_uuid, contract_status } = await withKnownContract(inbank, record)
    if (!contract_uuid || contract_status !== "unsigned") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no contract waiting for a signature: complete the cart first")
    }
    await inbank.client.startContractSigning(contract_uuid, "sms")
  }
  const current = await inbank.refreshNow(record.id)
  res.json(stateView(current, { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: Boolean(cart.completed_at) }))
})
