import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { InbankError } from "inbank-partner-api"
import { hasContract, InbankApplicationRecord } from "../../../../../../../lib/financing/record-state"
import type InbankModuleService from "../../../../../../../modules/inbank/service"
import { reserveWhileCounting } from "../reserve-while-counting"
import { storeRefusal } from "../../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../../with-store-refusals"
import { findCartApplication, withKnownContract } from "../../cart-application"
import { stateView } from "../../state-view"
import type { StoreInbankSigningConfirmType } from "../../validators"
import { codeVoid, MAX_CODE_ATTEMPTS } from "../../../../../../../lib/financing/sms-signing"

const isSigned = (record: InbankApplicationRecord, subject: "application" | "contract") =>
  subject === "application"
    ? record.application_signed
    : Boolean(record.contract_status && record.contract_status !== "unsigned")

/**
 * Confirms the SMS code. A wrong code is a 400 `sms_code_refused` saying how many tries the code has
 * left; its MAX_CODE_ATTEMPTS-th wrong try voids it as Inbank does (400 `sms_code_void`: ask for a new
 * code), and a code seen void is refused without asking Inbank or counting a guess, so an honest shopper
 * does not use up the limits on a code that cannot work. Each try is reserved on the record before
 * Inbank sees the code, so concurrent guesses reach Inbank MAX_CODE_ATTEMPTS times per code at most; a
 * try Inbank does not judge (it fails to answer, a limit refuses first) is given back. A code Inbank
 * refuses because the signature already happened (an earlier confirmation whose answer was lost) is a
 * success. Every other request is a guess: limited per client address, application and identity
 * (option `rateLimits.codeConfirm`), 429 with Retry-After, before Inbank sees it.
 */
export const POST = withStoreRefusals(
  async (req: MedusaRequest<StoreInbankSigningConfirmType>, res: MedusaResponse) => {
    const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
    if (codeVoid(record)) throw voidCode()
    const reserved = await reserveWhileCounting(
      req.scope,
      "codeConfirm",
      {
        perIp: inbank.addressKey(req.ip),
        perApplication: record.id,
        perIdentity: record.identity_hash,
      },
      inbank.reserveCodeTry(record.id),
    )
    // Voided meanwhile by concurrent tries: this request was one guess among them, and stays counted.
    if (!reserved) throw voidCode()
    const { subject, code } = req.validatedBody
    let signed: InbankApplicationRecord = record
    let afterRefusal: InbankApplicationRecord | undefined
    try {
      if (subject === "application") {
        await inbank.confirmSigning(record.id, "application", record.application_uuid, code)
        signed = await inbank.saveRecord(
          {
            id: record.id,
            application_signed: true,
            decision_requested_at: new Date(),
            ...CODE_USED,
          },
          record,
        )
      } else {
        signed = await withKnownContract(inbank, record)
        if (!signed.contract_uuid) throw storeRefusal("no_contract", { field: "subject" })
        await inbank.confirmSigning(record.id, "contract", signed.contract_uuid, code)
      }
    } catch (error) {
      if (!(error instanceof InbankError && error.status === 422)) {
        await reserved.release()
        throw error
      }
      afterRefusal = await inbank.refreshAfterRefusal(record.id)
      if (!isSigned(afterRefusal, subject)) {
        // The reserved try was this wrong one: it stays counted.
        if (codeVoid(reserved.record)) throw voidCode()
        throw storeRefusal("sms_code_refused", {
          field: "code",
          params: { left: MAX_CODE_ATTEMPTS - reserved.record.sms_failed_attempts },
        })
      }
      // An earlier confirmation whose answer was lost signed the application: its code is used up as after
      // a signature, so the contract's code (which the cart's completion may send) starts with all its tries.
      if (subject === "application")
        afterRefusal = await inbank.saveRecord({ id: record.id, ...CODE_USED }, afterRefusal)
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
    res.json(stateView(inbank, current, Boolean(cart.completed_at)))
  },
)

/** A signed subject's SMS fields: no code pending, so none counts against the next one. */
const CODE_USED = { sms_sent_at: null, sms_failed_attempts: 0 }

const voidCode = () => storeRefusal("sms_code_void", { field: "code", params: { max: MAX_CODE_ATTEMPTS } })

/** A signed application waits for its decision (the application is read); a signed contract changed alone. */
function readAfterSignature(
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
  subject: "application" | "contract",
) {
  return subject === "contract" && hasContract(record) ? inbank.refreshContractNow(record) : inbank.refreshNow(record)
}
