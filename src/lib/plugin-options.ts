import { z } from "zod"
import { GatedInbankClient, SIGNING_METHODS } from "inbank-partner-api"
import { rateLimitsSchema } from "./rate-limit-options"

const decimalString = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "must be a PLN amount such as 15000 or 299.99"))

/**
 * The public offers route's budget of Inbank calculations (one per amount and period), per process:
 * catalogue prices may use all of `calculationsPerMinute`; other amounts (cart totals, anything typed
 * into the URL) at most `otherAmountCalculationsPerMinute` of it, and one client address at most
 * `newAmountsPerClientPerMinute` amounts that are neither catalogue prices nor cached.
 */
const offersLimitsSchema = z
  .object({
    calculationsPerMinute: z.number().int().positive().default(540),
    otherAmountCalculationsPerMinute: z.number().int().positive().default(180),
    newAmountsPerClientPerMinute: z.number().int().positive().default(5),
  })
  .refine((limits) => limits.otherAmountCalculationsPerMinute <= limits.calculationsPerMinute, {
    path: ["otherAmountCalculationsPerMinute"],
    message: "must not exceed `calculationsPerMinute`",
  })
  .prefault({})

export type OffersLimits = z.output<typeof offersLimitsSchema>

/** Options of the payment module provider `medusa-payment-inbank/providers/inbank`. The README lists them. */
export const inbankOptionsSchema = z
  .object({
    apiKey: z.string().min(1),
    shopUuid: z.string().min(1),
    productCode: z.string().min(1),
    environment: z.enum(["demo", "production"]).default("demo"),
    baseUrl: z.url().optional(),
    apiVersion: z.enum(["v2", "v3"]).default("v2"),
    backendUrl: z.url().optional(),
    signingMethod: z.enum(SIGNING_METHODS).default("sms"),
    applicationSigning: z.boolean().default(false),
    minAmount: decimalString.optional(),
    maxAmount: decimalString.optional(),
    periods: z.array(z.number().int().min(1).max(120)).min(1).optional(),
    defaultPeriod: z.number().int().min(1).max(120).optional(),
    requestTimeoutMs: z.number().int().positive().default(10_000),
    /** How far a callback's timestamp may be from now, either way. */
    callbackToleranceSeconds: z.number().int().positive().default(300),
    /** Cancel a Medusa order (nothing fulfilled yet) when Inbank cancels or terminates its contract. */
    autoCancelOrders: z.boolean().default(true),
    /** The reconciliation job looks at applications unchanged for this long that are not final. */
    reconcileAfterMinutes: z.number().int().positive().default(10),
    /** Seconds after an SMS code before the shopper may ask for another (at once when the code is void). */
    smsResendSeconds: z.number().int().min(0).max(600).default(30),
    /** Consent types the applicant must accept; the storefront shows their texts. */
    requiredConsents: z.array(z.string().min(1)).default(["DATA_PROCESSING"]),
    /** Income-proof uploads one Medusa process receives at once (each up to 50 MB on disk); more get 503. */
    maxConcurrentUploads: z.number().int().positive().default(4),
    /**
     * Seconds an income-proof upload's whole body may take, from the moment it is let in; then it is
     * answered 400 `upload_timeout`, its connection closed and its files deleted. 240: 5 × 10 MB
     * (52.5 MB with multipart framing) at 2 Mbit/s, a weak mobile uplink, takes 210 s. Keep it
     * below Node's `requestTimeout` (300 s), which would otherwise cut the upload first, unanswered.
     */
    uploadTimeoutSeconds: z.number().int().positive().default(240),
    /** Inbank calculations the public offers route may start, per Medusa process (README "Store API"). */
    offersLimits: offersLimitsSchema,
    /** Abuse limits of the store routes (applications, SMS sends, code guesses); see rate-limit-options.ts. */
    rateLimits: rateLimitsSchema,
  })
  .superRefine((options, ctx) => {
    if (options.periods && options.defaultPeriod && !options.periods.includes(options.defaultPeriod)) {
      ctx.addIssue({ code: "custom", path: ["defaultPeriod"], message: "must be one of `periods`" })
    }
  })

export type InbankOptions = z.input<typeof inbankOptionsSchema>
export type ResolvedInbankOptions = z.output<typeof inbankOptionsSchema>

/** Parses the options, or throws one message that names every bad option and never echoes a value. */
export function parseInbankOptions(options: unknown): ResolvedInbankOptions {
  const result = inbankOptionsSchema.safeParse(options ?? {})
  if (result.success) return result.data
  const given = (options ?? {}) as Record<string, unknown>
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "options"
    const missing = issue.path.length === 1 && given[String(issue.path[0])] === undefined
    return missing ? `\`${name}\` is required` : `\`${name}\`: ${issue.message}`
  })
  throw new Error(`Invalid options for the Inbank payment provider: ${problems.join("; ")}`)
}

/** One gated client per distinct client options in this process (see createInbankClient). */
const clients = new Map<string, GatedInbankClient>()

/**
 * The Inbank client for these options: the same instance for the same Inbank settings (API key,
 * shop, environment or base URL, dialect, timeout) everywhere in the process, so that the module
 * and the payment provider (which Medusa keeps apart) share one read gate (gated-client.ts: at most
 * one GET of an application or contract per second). Builds it on first use; never throws.
 */
export function createInbankClient(options: ResolvedInbankOptions): GatedInbankClient {
  const settings = {
    apiKey: options.apiKey,
    shopUuid: options.shopUuid,
    environment: options.environment,
    baseUrl: options.baseUrl,
    apiVersion: options.apiVersion,
    timeoutMs: options.requestTimeoutMs,
  }
  const key = JSON.stringify(settings)
  let client = clients.get(key)
  if (!client) {
    client = new GatedInbankClient(settings)
    clients.set(key, client)
  }
  return client
}
