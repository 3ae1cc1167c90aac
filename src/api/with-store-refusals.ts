import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { answeringInbankErrors } from "./inbank-errors"
import { inbankRefusal } from "./messages/inbank-refusal"

/**
 * A store route whose refusals are answered from the message catalogue in the shopper's language: a
 * PluginHttpError as it says, an InbankError as messages/inbank-refusal.ts decides, logged (as a
 * warning, with Inbank's scrubbed reason) for the shop's developers. Anything else goes to Medusa's
 * error handler.
 */
export const withStoreRefusals = answeringInbankErrors((error, req, res) => {
  const refusal = inbankRefusal(error)
  req.scope
    .resolve(ContainerRegistrationKeys.LOGGER)
    .warn(`Inbank: ${error.message} (the shopper was told ${refusal.code})`)
  refusal.send(res)
})
