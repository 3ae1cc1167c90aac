import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parseCallbackMessage, parseCallbackTimestamp, verifyCallback } from "../../../lib/inbank"
import { INBANK_MODULE } from "../../../modules/inbank"
import type InbankModuleService from "../../../modules/inbank/service"
import { recordCallback } from "../../../modules/inbank/callback-recorder"
import { triggerProcessing } from "./processing-trigger"

const reject = (res: MedusaResponse, status: number, message: string) => {
  res.status(status).json({ type: status === 401 ? "unauthorized" : "invalid_data", message })
}

/**
 * Inbank's server-to-server callbacks (direct API guide, "Callbacks"). Authenticity first; a
 * rejected callback leaves no trace. An accepted one is recorded once — a duplicate answers 200
 * so Inbank stops retrying — and processed after the answer, from the event bus (processing-trigger.ts).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  if (!String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    return reject(res, 400, "Inbank callbacks are application/x-www-form-urlencoded forms")
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? ""
  const form = new URLSearchParams(raw)
  const fields = {
    message: form.get("message") ?? "",
    hmac: form.get("hmac") ?? "",
    timestamp: form.get("timestamp") ?? "",
    rawMessage: /(?:^|&)message=([^&]*)/.exec(raw)?.[1],
  }
  if (!fields.hmac) return reject(res, 401, "hmac is missing")
  if (!fields.message || !fields.timestamp) return reject(res, 400, "message and timestamp are required")
  if (!parseCallbackTimestamp(fields.timestamp)) return reject(res, 400, "timestamp must be a Unix time in seconds or milliseconds")

  const verified = verifyCallback(fields, inbank.options.apiKey, { toleranceSeconds: inbank.options.callbackToleranceSeconds })
  if (!verified.ok) {
    return reject(res, 401, verified.reason === "stale" ? "timestamp is outside the accepted window" : "hmac does not match")
  }
  const parsed = parseCallbackMessage(fields.message)
  if (!parsed.ok) return reject(res, 400, parsed.problem)

  const { type, status, creditApplicationUuid } = parsed.value
  const callbackId = await recordCallback(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), {
    application_uuid: creditApplicationUuid,
    type,
    status,
    sent_at: new Date(verified.timestampMs),
  })
  if (!callbackId) {
    res.status(200).json({ received: true, duplicate: true })
    return
  }
  triggerProcessing(req.scope.resolve(Modules.EVENT_BUS), req.scope.resolve(ContainerRegistrationKeys.LOGGER), callbackId)
  res.status(200).json({ received: true })
}
