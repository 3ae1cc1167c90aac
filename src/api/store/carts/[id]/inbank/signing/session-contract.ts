import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { InbankSessionData } from "../../../../../../lib/financing/session-data"
import type { CartSession } from "../cart-application"

/**
 * The payment session learns the contract the shopper is signing, and that its SMS code went out: the
 * cart's completion then reads the application and the contract at once, and does not send a second
 * code (which would void the first one past the resend cooldown and the SMS limits).
 */
export async function rememberContractInSession(
  scope: MedusaContainer,
  session: CartSession,
  contractUuid: string,
): Promise<void> {
  const data = session.data as Partial<InbankSessionData>
  if (data.contract_uuid === contractUuid && data.contract_signing_started === true) return
  await scope.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    data: { ...session.data, contract_uuid: contractUuid, contract_signing_started: true },
    amount: session.raw_amount,
    currency_code: session.currency_code,
  })
}
