import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { InbankError } from "inbank-partner-api"
import { hasContract, InbankApplicationRecord } from "../../../../../../../lib/financing/record-state"
import type InbankModuleService from "../../../../../../../modules/inbank/service"
import { consumeLimits } from "../../../../../../abuse-limits"
import { storeRefusal } from "../../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../../with-store-refusals"
import { findCartApplication, withKnownContract } from "../../cart-application"
import { stateView } from "../../state-view"
import type { StoreInbankSigningConfirmType } from "../../validators"

const isSigned = (record: InbankApplicationRecord, subject: "application" | "contract") =>
  subject === "application"
    ? record.application_signed
    : Boolean(record.contract_status && record.contract_status !== "unsigned")

/**
 * Confirms the SMS code. A wrong code is a 400 the shopper can retry. A code Inbank refuses because
 * the signature already happened (an earlier confirmation whose answer was lost) is a success.
 * Every request is a guess: limited per client address, application and identity (option
 * `rateLimits.codeConfirm`), 429 with Retry-After, before Inbank sees it.
 */
export const POST = withStoreRefusals(
  async (req: MedusaRequest<StoreInbankSigningConfirmType>, res: MedusaResponse) => {
    const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
    await consumeLimits(req.scope, "codeConfirm", {
      perIp: inbank.addressKey(req.ip),
      perApplication: record.id,
      perIdentity: record.identity_hash,
    })
    const { subject, code } = req.validatedBody
    let signed: InbankApplicationRecord = record
    let afterRefusal: InbankApplicationRecord | undefined
    try {
      if (subject === "application") {
        await inbank.confirmSigning("application", record.application_uuid, code)
        signed = await inbank.saveRecord({ id: record.id, application_signed: true, decision_requested_at: new Date() })
      } else {
        signed = await withKnownContract(inbank, record)
        if (!signed.contract_uuid) throw storeRefusal("no_contract", { field: "subject" })
        await inbank.confirmSigning("contract", signed.contract_uuid, code)
      }
    } catch (error) {
      if (!(error instanceof InbankError && error.status === 422)) throw error
      afterRefusal = await inbank.refreshNow(record.id)
      if (!isSigned(afterRefusal, subject)) {
        throw storeRefusal("sms_code_refused", { field: "code" })
      }
    }
    // The signature is done; an Inbank failing to answer the read that follows must not turn it into an error.
    // After a refusal that turned out to be an earlier signature, Inbank was just read: no second read.
    const current =
      afterRefusal ??
      (await readAfterSignature(inbank, signed, subject).catch((error) => {
        if (!(error instanceof InbankError)) throw error
        // Inbank accepted the code: the contract is signed, whatever else it would have said.
        return subject === "contract" ? { ...signed, contract_status: "signed" } : signed
      }))
    res.json(stateView(current, inbank.stateOf(current, { orderPlaced: Boolean(cart.completed_at) })))
  },
)

/** A signed application waits for its decision (the application is read); a signed contract changed alone. */
function readAfterSignature(
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
  subject: "application" | "contract",
) {
  return subject === "contract" && hasContract(record) ? inbank.refreshContractNow(record) : inbank.refreshNow(record)
}
