import { z } from "zod"

/**
 * What Inbank configures per partner, and how the sandbox behaves. Every setting can be given
 * as a CLI flag, an environment variable, or changed at run time through PATCH /__sandbox/settings.
 */
export const sandboxSettingsSchema = z.object({
  apiKey: z.string().min(1).default("sandbox-api-key"),
  shopUuid: z.string().min(1).default("00000000-0000-4000-8000-000000000001"),
  productCode: z.string().min(1).default("hire_purchase"),
  /** Address the sandbox's own pages (SMS inbox, bank redirect, printouts) are linked from. */
  publicUrl: z.string().optional(),

  /** Flow: the contract waits for POST .../merchant_approval after signing. */
  merchantApproval: z.boolean().default(false),
  /** Flow: after signing the customer must pass AIS (waiting_for_customer_digital_verification). */
  aisVerification: z.boolean().default(false),
  /** Flow: the application must be signed (SMS) before Inbank decides. */
  applicationSigning: z.boolean().default(false),

  /** How long a decision takes after the application is complete (0 = decided at once). */
  decisionDelayMs: z.number().int().min(0).default(0),
  /** How long after signing (or approval) the contract is activated. */
  activationDelayMs: z.number().int().min(0).default(0),
  /** How long income proof takes to review once uploaded (the real one: up to a working day). */
  incomeProofReviewMs: z.number().int().min(0).default(0),

  /** Latency added to every API answer. */
  latencyMs: z.number().int().min(0).default(0),

  callbackDelayMs: z.number().int().min(0).default(100),
  /** Each callback is sent this many times (Inbank warns that duplicates happen). */
  callbackDuplicates: z.number().int().min(1).max(20).default(1),
  /** Deliver the callbacks of one burst newest first. */
  callbackOutOfOrder: z.boolean().default(false),
  callbackTimestampUnit: z.enum(["ms", "s"]).default("ms"),
  /** What the HMAC is computed over: the JSON text (PHP example) or its URL-encoded form. */
  callbackHmacOver: z.enum(["json", "encoded"]).default("json"),
  /** Further attempts when the receiver does not answer 2xx. */
  callbackRetries: z.number().int().min(0).max(20).default(3),
  callbackRetryDelayMs: z.number().int().min(0).default(1000),

  /** Annual interest of the sandbox's offers, as a decimal fraction. */
  interestRateAnnual: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .default("0.1"),
  minAmount: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .default("100.00"),
  maxAmount: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .default("30000.00"),
  minPeriod: z.number().int().min(1).default(3),
  maxPeriod: z.number().int().min(1).default(48),

  /** Print one line per request (method, path, status, ms) to stdout. */
  logRequests: z.boolean().default(false),
})

export type SandboxSettings = z.output<typeof sandboxSettingsSchema>
export type SandboxSettingsInput = z.input<typeof sandboxSettingsSchema>

/** Settings that PATCH /__sandbox/settings may change (identity and log settings stay fixed). */
export const settingsPatchSchema = sandboxSettingsSchema
  .omit({ apiKey: true, shopUuid: true, productCode: true, publicUrl: true, logRequests: true })
  .partial()
  .strict()
