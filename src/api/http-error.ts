import type { MedusaResponse } from "@medusajs/framework/http"

/** Medusa's error `type` for each status the plugin answers by itself. */
const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "not_allowed",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
  503: "unavailable",
}

/**
 * An error answer the plugin writes itself (rate limits, refused uploads, refused staff requests):
 * `{type, code, field?, message, retriable?}` with Medusa's `type`, a stable snake_case `code` a
 * storefront can branch on, the request field it is about, and a message a person can read (Polish
 * for shoppers). It never carries a submitted value.
 */
export class PluginHttpError extends Error {
  /**
   * @param status HTTP status, one of TYPE_BY_STATUS.
   * @param code stable machine-readable reason, e.g. `too_many_attempts`.
   * @param message the text shown to a person; must not echo input.
   * @param options.field the request field it concerns, e.g. `files` or `applicant.mobile`.
   * @param options.retryAfterSeconds sets `Retry-After` (429, 503) and `retriable: true`.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { field?: string; retryAfterSeconds?: number } = {}
  ) {
    super(message)
  }

  /** Writes the answer: status, `Retry-After` when known, and the JSON body. */
  send(res: MedusaResponse): void {
    const { field, retryAfterSeconds } = this.options
    if (retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))))
    res.status(this.status).json({
      type: TYPE_BY_STATUS[this.status] ?? "invalid_data",
      code: this.code,
      ...(field && { field }),
      message: this.message,
      ...(retryAfterSeconds !== undefined && { retriable: true }),
    })
  }
}
