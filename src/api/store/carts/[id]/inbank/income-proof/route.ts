import { openAsBlob } from "node:fs"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receivedIncomeProof } from "../../../../../income-proof-upload"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { findCartApplication } from "../cart-application"
import { stateView } from "../state-view"

/**
 * Income proof documents (multipart field `files`), forwarded to Inbank (docs/inbank-api.md, endpoint 9) and not kept.
 * The middlewares (middlewares.ts) have checked that the application asks for them, received them
 * to disk and sniffed their types; Inbank gets them streamed from disk, under generated names.
 */
export const POST = withStoreRefusals(async (req: MedusaRequest, res: MedusaResponse) => {
  const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
  const files = await Promise.all(
    receivedIncomeProof(req).map(async (file) => ({
      filename: file.name,
      content: await openAsBlob(file.path, { type: file.contentType }),
    })),
  )
  await inbank.uploadIncomeProof(record.application_uuid, files)
  const current = await inbank.refreshNow(record.id)
  res.json(stateView(current, inbank.stateOf(current, { orderPlaced: Boolean(cart.completed_at) })))
})
