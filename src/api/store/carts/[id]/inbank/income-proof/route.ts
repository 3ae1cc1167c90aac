import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withInbankErrors } from "../../../../../inbank-errors"
import { findCartApplication } from "../cart-application"
import { stateView } from "../state-view"

/** Income proof documents (multipart field `files`), forwarded to Inbank and not kept. */
export const POST = withInbankErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
  const files = ((req as unknown as { files?: Express.Multer.File[] }).files ?? []).map((file) => ({
    filename: file.originalname,
    content: file.buffer,
    contentType: file.mimetype,
  }))
  if (!files.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "files: attach at least one document (PDF, JPG or PNG)")
  await inbank.client.uploadAttachments(record.application_uuid, { files, description: "Potwierdzenie dochodów" })
  const current = await inbank.refreshNow(record.id)
  res.json(stateView(current, { applicationSigningRequired: inbank.options.applicationSigning, orderPlaced: Boolean(cart.completed_at) }))
})
