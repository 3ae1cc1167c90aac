import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { corsOrigins } from "../../../../../cors-origins"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { findCartApplication } from "../cart-application"
import type { StoreInbankBankVerificationType } from "../validators"
import { checkReturnUrl } from "./return-url"

/**
 * Starts the bank step (income proof or identity check); the shopper goes to `redirect_url`, and
 * Inbank sends them back to `return_url`, which must be on a `storeCors` origin.
 */
export const POST = withStoreRefusals(
  async (req: MedusaRequest<StoreInbankBankVerificationType>, res: MedusaResponse) => {
    const returnUrl = checkReturnUrl(req.validatedBody.return_url, corsOrigins(req, "storeCors"))
    const { record, inbank } = await findCartApplication(req.scope, req.params.id)
    const retrieval = await inbank.startBankVerification({
      applicationUuid: record.application_uuid,
      bankId: req.validatedBody.bank_id,
      locale: "pl",
      returnUrl,
    })
    res.json({ redirect_url: retrieval.redirectUrl ?? null })
  },
)
