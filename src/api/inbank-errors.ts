import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { InbankError } from "inbank-partner-api"
import { PluginHttpError } from "./http-error"

type Handler<Req extends MedusaRequest> = (req: Req, res: MedusaResponse) => Promise<void>

/**
 * A route whose PluginHttpError is answered as it says (status, code, field, Retry-After) and whose
 * InbankError is answered by `answer`; anything else goes to Medusa's error handler.
 */
export function answeringInbankErrors(answer: (error: InbankError, req: MedusaRequest, res: MedusaResponse) => void) {
  return <Req extends MedusaRequest>(handler: Handler<Req>): Handler<Req> =>
    async (req, res) => {
      try {
        await handler(req, res)
      } catch (error) {
        if (error instanceof PluginHttpError) return error.send(res)
        if (!(error instanceof InbankError)) throw error
        answer(error, req, res)
      }
    }
}

/**
 * For staff routes (the store's use withStoreRefusals). Inbank's refusals become 400 with Inbank's
 * reason; an Inbank that does not answer becomes 503, which the caller may retry. InbankError
 * messages carry no key and no personal data.
 */
export const withInbankErrors = answeringInbankErrors((error, _req, res) => {
  if (error.retriable) {
    res
      .status(503)
      .json({ type: "inbank_unavailable", message: `${error.message}. Please try again in a moment.`, retriable: true })
    return
  }
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, error.message)
})
