import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { InbankSessionData } from "../../../../../../lib/financing/session-data"
import type { CartSession } from "../cart-application"

/**
 * The payment session learns the contract the shopper is signing: the cart's completion then reads
 * the application and the contract at once instead of one after the other.
 */
export async function rememberContractInSession(
  scope: MedusaContainer,
  session: CartSession,
  contractUuid: string,
): Promise<void> {
  if ((session.data as Partial<InbankSessionData>).contract_uuid === contractUuid) return
  await scope.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    data: { ...session.data, contract_uuid: contractUuid },
    amount: session.raw_amount,
    currency_code: session.currency_code,
  })
}
