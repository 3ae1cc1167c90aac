import { deletePaymentSessionsWorkflow } from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type InbankModuleService from "../../../../../../modules/inbank/service"

interface Landed {
  applicationUuid: string
  recordId?: string
  paymentSessionId?: string
}

/**
 * An application Inbank has but the store could not keep (its record or its payment session failed) is
 * unreachable: nothing would ever complete, refresh or cancel it. Withdraw it at Inbank and undo whichever
 * half landed, so that the shopper's retry starts clean.
 */
export async function withdrawUnrecorded(scope: MedusaContainer, inbank: InbankModuleService, landed: Landed): Promise<void> {
  const logger = scope.resolve(ContainerRegistrationKeys.LOGGER)
  await inbank.withdrawApplication(landed.applicationUuid).catch((error: Error) => {
    logger.warn(`Inbank: could not withdraw the unrecorded application ${landed.applicationUuid} (${error.message}); cancel it in Inbank's Partner Portal`)
  })
  if (landed.recordId) await inbank.deleteInbankApplications(landed.recordId)
  if (landed.paymentSessionId) await deletePaymentSessionsWorkflow(scope).run({ input: { ids: [landed.paymentSessionId] } })
}
