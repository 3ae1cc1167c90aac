import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reserveWhileCounting } from "./reserve-while-counting"
import { storeRefusal } from "../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { resendInSeconds } from "../../../../../../lib/financing/sms-signing"
import { findCartApplication } from "../cart-application"
import { stateView } from "../state-view"
import type { StoreInbankSigningType } from "../validators"
import { contractToSign } from "./accept-offer"
import { rememberContractInSession } from "./session-contract"
import type { InbankApplicationRecord } from "../../../../../../lib/financing/record-state"

/**
 * Sends (or sends again) the SMS code that signs the application or the contract. For the contract,
 * the offer is accepted first when it is not yet: the shopper's "accept and sign" needs no cart completion.
 * A new code waits `smsResendSeconds` after the last one unless that one is void (429
 * `sms_resend_too_soon`); the send is reserved on the record before Inbank is asked, so two tabs
 * cannot both send one within that time, and given back when Inbank does not send it. Limited per
 * client address, application and phone (option `rateLimits.smsSend`): 429 with Retry-After. A
 * request refused for the cooldown seen before counting is not counted. Each code sent starts with all its tries.
 */
export const POST = withStoreRefusals(async (req: MedusaRequest<StoreInbankSigningType>, res: MedusaResponse) => {
  const { cart, record, session, inbank } = await findCartApplication(req.scope, req.params.id)
  const cooldown = inbank.settings.smsResendSeconds
  const wait = resendInSeconds(record, cooldown)
  if (wait > 0) throw tooSoon(wait)
  const reservation = await reserveWhileCounting(
    req.scope,
    "smsSend",
    {
      perIp: inbank.addressKey(req.ip),
      perApplication: record.id,
      perPhone: record.phone_hash,
    },
    inbank.reserveCodeSend(record.id),
  )
  if (!reservation) throw tooSoon(cooldown)
  let current = reservation.record
  try {
    if (req.validatedBody.subject === "application") {
      await inbank.startSigning("application", record.application_uuid)
    } else {
      const { record: contract, saving } = await contractToSign(inbank, record)
      if (contract.contract_status !== "unsigned")
        throw storeRefusal("contract_not_awaiting_signature", { field: "subject" })
      // The code goes out while the store writes the contract down: the shopper waits for Inbank only.
      const [, saved] = await Promise.all([
        inbank.startSigning("contract", contract.contract_uuid),
        saving,
        rememberContractInSession(req.scope, session, contract.contract_uuid),
      ])
      // Written after the reservation, the saved row holds both the contract and the code's fields.
      current = saved ?? { ...current, ...contract, ...smsFields(current) }
    }
  } catch (error) {
    await reservation.release()
    throw error
  }
  // Starting a signing sends the SMS and changes nothing else the record holds: no read follows.
  res.json(stateView(inbank, current, Boolean(cart.completed_at)))
})

const tooSoon = (seconds: number) =>
  storeRefusal("sms_resend_too_soon", { field: "subject", params: { seconds }, retryAfterSeconds: seconds })

const smsFields = ({ sms_sent_at, sms_failed_attempts }: InbankApplicationRecord) => ({
  sms_sent_at,
  sms_failed_attempts,
})
