import { toInbankAmount } from "inbank-partner-api"
import type { NextAction } from "../../../../../lib/financing/derive-state"
import type { InbankApplicationRecord } from "../../../../../lib/financing/record-state"
import { smsSigningView } from "../../../../../lib/financing/sms-signing"
import type InbankModuleService from "../../../../../modules/inbank/service"

/** What the shopper reads at each step (Polish: the plugin serves Polish stores). */
const MESSAGES: Record<NextAction, string> = {
  wait: "Inbank rozpatruje wniosek. To zwykle trwa kilka sekund.",
  sign_application: "Podpisz wniosek kodem SMS.",
  complete_cart: "Zaakceptuj ofertę: wyślemy kod SMS do podpisania umowy kredytu.",
  sign_contract: "Wpisz kod z SMS, aby podpisać umowę kredytu.",
  bank_verification: "Potwierdź tożsamość w swoim banku.",
  upload_income_proof: "Inbank potrzebuje potwierdzenia dochodów: połącz konto bankowe lub prześlij wyciąg.",
  declined: "Inbank nie może sfinansować tego zakupu. Wybierz inną metodę płatności.",
  done: "Gotowe. Dziękujemy!",
}

/** After the contract's signature only the order remains to be placed. */
const SIGNED_MESSAGE = "Umowa podpisana. Złóż zamówienie."

/** A document the shopper reads before signing: `contract` (Inbank's contract printout), by its link at Inbank. */
export interface ShopperDocument {
  type: "contract"
  url: string
}

/**
 * The store API's answer: identifiers, statuses, the offer, the SMS step (`signing`: masked phone,
 * tries left, void code, resend cooldown; null outside an SMS step) and the documents to read before
 * signing (the state route's; empty elsewhere); never the applicant's data.
 */
export function stateView(
  inbank: InbankModuleService,
  record: InbankApplicationRecord,
  orderPlaced: boolean,
  documents: ShopperDocument[] = [],
) {
  const derived = inbank.stateOf(record, { orderPlaced })
  const smsStep = derived.nextAction === "sign_application" || derived.nextAction === "sign_contract"
  return {
    inbank: {
      application: {
        uuid: record.application_uuid,
        number: record.application_number ?? null,
        amount: toInbankAmount(record.raw_amount),
        period: record.period,
        decision_status: record.decision_status,
        signed: record.application_signed,
      },
      offer: record.offer ?? null,
      contract: record.contract_uuid
        ? {
            uuid: record.contract_uuid,
            number: record.contract_number ?? null,
            status: record.contract_status,
            process_status: record.process_status,
          }
        : null,
      documents,
      signing: smsStep ? smsSigningView(record, inbank.settings.smsResendSeconds) : null,
      session_status: derived.sessionStatus,
      next_action: {
        type: derived.nextAction,
        message:
          derived.nextAction === "complete_cart" && record.contract_uuid
            ? SIGNED_MESSAGE
            : MESSAGES[derived.nextAction],
      },
    },
  }
}
