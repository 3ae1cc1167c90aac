import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InbankError } from "../lib/inbank"
import { PluginHttpError } from "./http-error"
import { inbankRefusal } from "./messages/inbank-refusal"

type Handler<Req extends MedusaRequest> = (req: Req, res: MedusaResponse) => Promise<void>

/**
 * A store route whose refusals are answered from the message catalogue in the shopper's language: a
 * PluginHttpError as it says (status, code, field, Retry-After), an InbankError as messages/inbank-refusal.ts
 * decides, logged (as a warning, with Inbank's scrubbed reason) for the shop's developers. Anything
 * else goes to Medusa's error handler.
 */
export function withStoreRefusals<Req extends MedusaRequest>(handler: Handler<Req>): Handler<Req> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof PluginHttpError) return error.send(res)
      if (!(error instanceof InbankError)) throw error
      const refusal = inbankRefusal(error)
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Inbank: ${error.message} (the shopper was told ${refusal.code})`)
      refusal.send(res)
    }
  }
}
