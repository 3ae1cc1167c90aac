import { AxiosError, isAxiosError } from "axios"
import { ZodError } from "zod"

export type InbankErrorKind =
  /** Inbank answered with an HTTP error status. */
  | "http"
  /** No answer: timeout, connection refused or reset. */
  | "network"
  /** An answer whose body is not what the vendor documents. */
  | "invalid_response"

export interface InbankErrorDetails {
  kind: InbankErrorKind
  endpoint: string
  status?: number
  inbankMessage?: string
  retriable: boolean
}

/**
 * The one error the client throws. It carries no request, headers or body: axios errors hold
 * the `Authorization` header, so they are never attached, and Inbank's own error text is
 * scrubbed of the API key and the personal values of the request that failed.
 */
export class InbankError extends Error implements InbankErrorDetails {
  readonly kind: InbankErrorKind
  readonly endpoint: string
  readonly status?: number
  readonly inbankMessage?: string
  /** The same request may succeed later (network failure, 429, 5xx). */
  readonly retriable: boolean

  constructor(details: InbankErrorDetails) {
    const parts = [`Inbank ${details.endpoint} failed`]
    if (details.status) parts.push(`with HTTP ${details.status}`)
    if (details.inbankMessage) parts.push(`: ${details.inbankMessage}`)
    super(parts.join(" ").replace(" :", ":"))
    this.name = "InbankError"
    this.kind = details.kind
    this.endpoint = details.endpoint
    this.status = details.status
    this.inbankMessage = details.inbankMessage
    this.retriable = details.retriable
  }

  /** What a log or an error answer may show: the details and the message, never a request or a body. */
  toJSON(): InbankErrorDetails & { name: string; message: string } {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      endpoint: this.endpoint,
      status: this.status,
      inbankMessage: this.inbankMessage,
      retriable: this.retriable,
    }
  }
}

const RETRIABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504])

/** Whether the same request may succeed later after this HTTP status: 408, 425, 429 and every 5xx. */
export const isRetriableStatus = (status: number): boolean => RETRIABLE_STATUSES.has(status) || status >= 500

/** Inbank's error bodies: `{"error": ["unauthorized"]}`, `{"message": "..."}`, `{"errors": {...}}`. */
function errorText(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 500) || undefined
  if (typeof body !== "object" || body === null) return undefined
  const record = body as Record<string, unknown>
  const parts: string[] = []
  const collect = (value: unknown, prefix = ""): void => {
    if (typeof value === "string") parts.push(prefix + value)
    else if (Array.isArray(value)) value.forEach((v) => collect(v, prefix))
    else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) collect(inner, `${key}: `)
    }
  }
  for (const key of ["error", "errors", "message", "messages", "detail"]) collect(record[key])
  return parts.length ? parts.join("; ").slice(0, 500) : undefined
}

/** What Inbank names things and times by, kept whole: UUIDs and ISO dates. */
const KEPT = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}(?!\d)/g
/**
 * Personal numbers in whatever spelling Inbank echoes them: six digits or more (single spaces or dashes
 * between them allowed; a phone, a PESEL, an account) not inside a word nor an amount's integer part, and
 * identity document numbers (two or three letters, then six or seven digits, a space or dash between).
 */
const PERSONAL_NUMBER = /(?<![\w.-])(?:\+?\d(?:[ -]?\d){5,}|[A-Za-z]{2,3}[ -]?\d{6,7})(?!\w|\.\d)/g

/**
 * `text` with every occurrence of each secret (of 3 characters or more; in any letter case, and for a
 * secret beginning or ending with a digit not inside a longer number) and every personal number
 * (PERSONAL_NUMBER: a personal value spelt otherwise than the request spelt it) replaced by `[redacted]`,
 * one `[redacted]` where they overlap. UUIDs and dates are kept whole, but for a secret that only part of
 * them is; short numbers and amounts are kept.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const kept = spans(text, KEPT)
  const secretSpans = secrets
    .filter((secret) => secret && secret.length >= 3)
    .flatMap((secret) => spans(text, secretPattern(secret)))
    .filter(([start, end]) => !kept.some(([from, to]) => start >= from && end <= to))
  const numberSpans = spans(text, PERSONAL_NUMBER).filter(
    ([start, end]) => !kept.some(([from, to]) => start < to && end > from),
  )
  return masked(text, [...secretSpans, ...numberSpans])
}

type Span = [start: number, end: number]

const spans = (text: string, pattern: RegExp): Span[] =>
  [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length])

/** `text` with each span, or run of overlapping spans, replaced by one `[redacted]`. */
function masked(text: string, toMask: Span[]): string {
  let out = ""
  let at = 0
  for (const [start, end] of [...toMask].sort((x, y) => x[0] - y[0])) {
    if (start < at) at = Math.max(at, end)
    else {
      out += `${text.slice(at, start)}[redacted]`
      at = end
    }
  }
  return out + text.slice(at)
}

/** A secret in any letter case; one beginning or ending with a digit, not inside a longer number (250 in 25000.00). */
function secretPattern(secret: string): RegExp {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  return new RegExp(`${/^\d/.test(secret) ? "(?<!\\d)" : ""}${escaped}${/\d$/.test(secret) ? "(?!\\d)" : ""}`, "giu")
}

const NETWORK_CODES = new Set([
  "ECONNABORTED",
  "ETIMEDOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ERR_CANCELED",
  "ERR_NETWORK",
])

/**
 * The InbankError for a failed request: `http` with the status and Inbank's error text (scrubbed of
 * `secrets`), or `network` (timeout, refused, reset; always retriable). Never throws.
 * @param endpoint the client method's name, for the message.
 * @param secrets the API key and the request's personal values.
 */
export function fromAxiosError(error: unknown, endpoint: string, secrets: readonly string[]): InbankError {
  if (!isAxiosError(error)) {
    return new InbankError({ kind: "network", endpoint, retriable: true, inbankMessage: "request failed" })
  }
  const axiosError = error as AxiosError
  const status = axiosError.response?.status
  if (status) {
    const text = errorText(axiosError.response?.data)
    return new InbankError({
      kind: "http",
      endpoint,
      status,
      inbankMessage: text && redact(text, secrets),
      retriable: isRetriableStatus(status),
    })
  }
  const code = axiosError.code ?? ""
  const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT"
  return new InbankError({
    kind: "network",
    endpoint,
    inbankMessage: timedOut
      ? "no answer before the timeout"
      : `no answer (${NETWORK_CODES.has(code) ? code : "network error"})`,
    retriable: true,
  })
}

/**
 * An answer the plugin cannot act on. A body that is not JSON at all (cut off on the way) is worth
 * retrying; JSON of the wrong shape is not.
 */
export function fromZodError(error: ZodError, endpoint: string, bodyWasJson: boolean): InbankError {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ")
  return new InbankError({
    kind: "invalid_response",
    endpoint,
    inbankMessage: bodyWasJson ? `unexpected answer (${issues})` : "an answer that is not JSON",
    retriable: !bodyWasJson,
  })
}
