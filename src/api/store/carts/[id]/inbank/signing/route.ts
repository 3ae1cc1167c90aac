import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { consumeLimits } from "../../../../../abuse-limits"
import { storeRefusal } from "../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { resendInSeconds } from "../../../../../../lib/financing/sms-signing"
import { findCartApplication } from "../cart-application"
import { stateView } from "../state-view"
import type { StoreInbankSigningType } from "../validators"
import { contractToSign } from "./accept-offer"
import { rememberContractInSession } from "./session-contract"

/**
 * Sends (or sends again) the SMS code that signs the application or the contract. For the contract,
 * the offer is accepted first when it is not yet: the shopper's "accept and sign" needs no cart completion.
 * A new code waits `smsResendSeconds` after the last one unless that one is void (429
 * `sms_resend_too_soon`, not counted by the limits); then limited per client address, application and
 * phone (option `rateLimits.smsSend`): 429 with Retry-After. Each code sent starts with all its tries.
 */
export const POST = withStoreRefusals(async (req: MedusaRequest<StoreInbankSigningType>, res: MedusaResponse) => {
  const { cart, record, session, inbank } = await findCartApplication(req.scope, req.params.id)
  const wait = resendInSeconds(record, inbank.settings.smsResendSeconds)
  if (wait > 0)
    throw storeRefusal("sms_resend_too_soon", { field: "subject", params: { seconds: wait }, retryAfterSeconds: wait })
  await consumeLimits(req.scope, "smsSend", {
    perIp: inbank.addressKey(req.ip),
    perApplication: record.id,
    perPhone: record.phone_hash,
  })
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
  }
  // Starting a signing sends the SMS and changes nothing else the record holds: no read follows.
  const current = await inbank.noteCodeSent(record.id)
  res.json(stateView(inbank, current, Boolean(cart.completed_at)))
})
