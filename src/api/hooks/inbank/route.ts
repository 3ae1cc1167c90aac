import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parseCallbackForm, parseCallbackMessage, parseCallbackTimestamp } from "inbank-partner-api"
import { INBANK_MODULE } from "../../../modules/inbank"
import type InbankModuleService from "../../../modules/inbank/service"
import { PluginHttpError } from "../../http-error"
import { triggerProcessing } from "./processing-trigger"

/** Refusals are for Inbank's servers, not shoppers: English, and never a submitted value. */
const refuse = (res: MedusaResponse, status: 400 | 401, code: string, message: string, field?: string) =>
  new PluginHttpError(status, code, message, { field }).send(res)

/**
 * Inbank's server-to-server callbacks (direct API guide, "Callbacks"). The raw body is split into
 * fields once (parseCallbackForm: a repeated or encoded field name is refused), the HMAC is checked
 * over that one `message` field, and only then is the same field's text parsed. A refused callback
 * leaves no trace. An accepted one is recorded once per signed (application, type, status,
 * timestamp) — a duplicate answers 200 so Inbank stops retrying — and processed after the answer,
 * from the event bus (processing-trigger.ts).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  if (!String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    return refuse(res, 400, "callback_not_form", "Inbank callbacks are application/x-www-form-urlencoded forms")
  }
  const rawBody: unknown = req.rawBody
  const form = parseCallbackForm(Buffer.isBuffer(rawBody) ? rawBody : "")
  if (!form.ok) return refuse(res, 400, "callback_form_invalid", form.problem)
  const { fields } = form
  if (!fields.hmac) return refuse(res, 401, "callback_unsigned", "hmac is missing", "hmac")
  if (!fields.message || !fields.timestamp)
    return refuse(res, 400, "callback_fields_missing", "message and timestamp are required")
  if (!parseCallbackTimestamp(fields.timestamp)) {
    return refuse(
      res,
      400,
      "callback_timestamp_invalid",
      "timestamp must be a Unix time in seconds or milliseconds",
      "timestamp",
    )
  }

  const verified = inbank.verifyCallback(fields)
  if (!verified.ok) {
    return verified.reason === "stale"
      ? refuse(res, 401, "callback_stale", "timestamp is outside the accepted window", "timestamp")
      : refuse(res, 401, "callback_signature_invalid", "hmac does not match", "hmac")
  }
  const parsed = parseCallbackMessage(fields.message)
  if (!parsed.ok) return refuse(res, 400, "callback_message_invalid", parsed.problem, "message")

  const { type, status, creditApplicationUuid } = parsed.value
  const callbackId = await inbank.recordCallback({
    application_uuid: creditApplicationUuid,
    type,
    status,
    sent_at: new Date(verified.timestampMs),
  })
  if (!callbackId) {
    res.status(200).json({ received: true, duplicate: true })
    return
  }
  triggerProcessing(
    req.scope.resolve(Modules.EVENT_BUS),
    req.scope.resolve(ContainerRegistrationKeys.LOGGER),
    callbackId,
  )
  res.status(200).json({ received: true })
}
