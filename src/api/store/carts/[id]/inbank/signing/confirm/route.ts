import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { InbankError } from "../../../../../../../lib/inbank"
import { withInbankErrors } from "../../../../../../inbank-errors"
import { findCartApplication, withKnownContract } from "../../cart-application"
import { stateView } from "../../state-view"
import type { StoreInbankSigningConfirmType } from "../../validators"

/** Confirms the SMS code. A wrong code is a 400 the shopper can retry. */
export const POST = withInbankErrors(async (req: MedusaRequest<StoreInbankSigningConfirmType>, res: MedusaResponse) => {
  const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
  const { subject, code } = req.validatedBody
  try {
    if (subject === "application") {
      await inbank.client.confirmApplicationSigning(record.application_uuid, code)
      await inbank.updateInbankApplications({ id: record.id, application_signed: true, decision_requested_at: new Date() })
    } else {
      const { contract_uuid } = await withKnownContract(inbank, record)
      if (!contract_uuid) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no contract to sign yet: complete the cart first")
      await inbank.client.confirmContractSigning(contract_uuid, code)
    }
  } catch (error) {
    if (error instanceof InbankError && error.status === 422) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: Inbank did not accept this code (${error.inbankMessage ?? "invalid code"}). Check the SMS and try again.`)
    }
    throw error
  }
  const current = await inbank.refreshNow(record.id)
  res.json(stateView(current, { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: Boolean(cart.completed_at) }))
})
