import type { MedusaResponse } from "@medusajs/framework/http"
import { Localized, requestLanguage } from "./messages/language"

/** Medusa's error `type` for each status the plugin answers by itself. */
const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "not_allowed",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
  502: "unexpected_state",
  503: "unavailable",
}

interface PluginHttpErrorOptions {
  /** The request field it concerns, e.g. `files` or `applicant.mobile`. */
  field?: string
  /** Sets `Retry-After` (429, 503) and `retriable: true`. */
  retryAfterSeconds?: number
  /**
   * Every problem of a refused form, each `{code, field, message}` in the answer's `errors` (the first is the answer's
   * own).
   */
  errors?: PluginHttpError[]
}

/**
 * An error answer the plugin writes itself (rate limits, refused uploads, refused staff requests):
 * `{type, code, field?, message, retriable?, errors?}` with Medusa's `type`, a stable snake_case
 * `code` a storefront can branch on, the request field it is about, and a message a person can read.
 * Shoppers' messages come from the catalogue (messages/refusal.ts) in Polish and English; the one
 * sent is chosen by the request being answered (messages/language.ts). It never carries a submitted value.
 */
export class PluginHttpError extends Error {
  /**
   * @param status HTTP status, one of TYPE_BY_STATUS.
   * @param code stable machine-readable reason, e.g. `too_many_attempts`.
   * @param text the text shown to a person, or one per language; must not echo input. `message` is its Polish.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: string | Localized,
    readonly options: PluginHttpErrorOptions = {},
  ) {
    super(typeof text === "string" ? text : text.pl)
  }

  /** Writes the answer: status, `Retry-After` when known, and the JSON body in the request's language. */
  send(res: MedusaResponse): void {
    const { retryAfterSeconds, errors } = this.options
    const language = requestLanguage(res.req)
    if (retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))))
    res.status(this.status).json({
      type: TYPE_BY_STATUS[this.status] ?? "invalid_data",
      ...this.problem(language),
      ...(retryAfterSeconds !== undefined && { retriable: true }),
      ...(errors && { errors: errors.map((error) => error.problem(language)) }),
    })
  }

  private problem(language: keyof Localized): { code: string; field?: string; message: string } {
    const { field } = this.options
    return {
      code: this.code,
      ...(field && { field }),
      message: typeof this.text === "string" ? this.text : this.text[language],
    }
  }
}
