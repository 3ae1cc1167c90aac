import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { findCartApplication } from "../cart-application"

/** Banks the shopper can pick for the account check (AIS). */
export const GET = withStoreRefusals(async (req: MedusaRequest, res: MedusaResponse) => {
  const { record, inbank } = await findCartApplication(req.scope, req.params.id)
  const { bankList } = await inbank.listBanks(record.application_uuid)
  res.json({ banks: bankList.map((bank) => ({ id: bank.id, name: bank.name, icon_url: bank.iconUrl ?? null })) })
})
