import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { consumeLimits } from "../../../../../abuse-limits"
import { storeRefusal } from "../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { findCartApplication } from "../cart-application"
import { stateView } from "../state-view"
import type { StoreInbankSigningType } from "../validators"
import { contractToSign } from "./accept-offer"
import { rememberContractInSession } from "./session-contract"

/**
 * Sends (or sends again) the SMS code that signs the application or the contract. For the contract,
 * the offer is accepted first when it is not yet: the shopper's "accept and sign" needs no cart completion.
 * Limited per client address, application and phone (option `rateLimits.smsSend`): 429 with Retry-After.
 */
export const POST = withStoreRefusals(async (req: MedusaRequest<StoreInbankSigningType>, res: MedusaResponse) => {
  const { cart, record, session, inbank } = await findCartApplication(req.scope, req.params.id)
  await consumeLimits(req.scope, "smsSend", {
    perIp: inbank.addressKey(req.ip),
    perApplication: record.id,
    perPhone: record.phone_hash,
  })
  let current = record
  if (req.validatedBody.subject === "application") {
    await inbank.startSigning("application", record.application_uuid)
  } else {
    const { record: contract, saving } = await contractToSign(inbank, record)
    if (contract.contract_status !== "unsigned")
      throw storeRefusal("contract_not_awaiting_signature", { field: "subject" })
    // The code goes out while the store writes the contract down: the shopper waits for Inbank only.
    await Promise.all([
      inbank.startSigning("contract", contract.contract_uuid),
      saving,
      rememberContractInSession(req.scope, session, contract.contract_uuid),
    ])
    current = contract
  }
  // Starting a signing sends the SMS and changes nothing the record holds: no read follows.
  res.json(stateView(current, inbank.stateOf(current, { orderPlaced: Boolean(cart.completed_at) })))
})
