import { toInbankAmount } from "inbank-partner-api"
import type { DerivedState, NextAction } from "../../../../../lib/financing/derive-state"
import type { InbankApplicationRecord } from "../../../../../lib/financing/record-state"

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

/**
 * The store API's answer: identifiers, statuses and the offer; never the applicant's data. `derived` is the module's
 * stateOf(record).
 */
export function stateView(record: InbankApplicationRecord, derived: DerivedState) {
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
