import { z } from "zod"
import { normalizeDecimal, normalizeMoney } from "./money"

/**
 * Response schemas, applied after keys were camelised (responses come in either casing,
 * docs/inbank-api.md "Versions"). Objects are loose: fields Inbank adds are kept, not rejected.
 * The fields the plugin acts on (identifiers, statuses, money) are strict.
 */

/** docs/inbank-api.md "Statuses"; partner API reference, GET /applications/:uuid. */
export const DECISION_STATUSES = [
  "pending",
  "positive",
  "negative",
  "manual_negative",
  "failed",
  "income_proof_required",
  "manual",
] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

/** Partner API reference, GET /contracts/:uuid, and the contract callbacks. */
export const CONTRACT_STATUSES = ["unsigned", "signed", "activated", "cancelled", "terminated"] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export const SIGNING_METHODS = ["digital", "paper", "sms"] as const
export type SigningMethod = (typeof SIGNING_METHODS)[number]

const uuid = z.string().min(1)
/** Inbank numbers (89002917439) come as JSON numbers or strings; kept as strings. */
const reference = z.union([z.string(), z.number()]).transform(String)
const money = z.union([z.string(), z.number()]).transform((v) => normalizeMoney(v))
const decimal = z.union([z.string(), z.number()]).transform((v) => normalizeDecimal(v))
const integer = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number)
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish()
/** Statuses are compared case-insensitively and without stray spaces (one vendor example sends "POSITIVE "). */
const status = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(values))

export const calculationSchema = z.looseObject({
  currency: z.string().optional(),
  amount: money.optional(),
  period: integer.optional(),
  paymentAmountMonthly: money,
  interestRateAnnual: decimal.optional(),
  creditCostRateAnnual: decimal.optional(),
  totalCost: money.optional(),
  totalCostOfCredit: money.optional(),
})
export type Calculation = z.infer<typeof calculationSchema>

/**
 * GET /products is mentioned but not specified (docs/inbank-api.md "Endpoints", #2): every field but the code
 * is optional.
 */
const productSchema = z.looseObject({
  code: z.string(),
  name: optional(z.string()),
  type: optional(z.string()),
  subtype: optional(z.string()),
  minAmount: optional(money),
  maxAmount: optional(money),
  minPeriod: optional(integer),
  maxPeriod: optional(integer),
})

export const productsSchema = z
  .union([z.array(productSchema), z.looseObject({ products: z.array(productSchema) })])
  .transform((body) => ({ products: Array.isArray(body) ? body : body.products }))
export type ProductList = z.infer<typeof productsSchema>

const decisionMessages = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))

/** POST /applications answers with the application itself, flat. */
export const createdApplicationSchema = z.looseObject({
  uuid,
  number: optional(reference),
  status: optional(z.string()),
  decisionStatus: status(DECISION_STATUSES),
  decisionMessages,
  changedConditions: z.boolean().nullish().transform(Boolean),
  previousUuid: optional(z.string()),
  amount: optional(money),
  period: optional(integer),
  paymentDay: optional(integer),
  startDate: optional(z.string()),
  endDate: optional(z.string()),
})
export type CreatedApplication = z.infer<typeof createdApplicationSchema>

const applicationContractSchema = z.looseObject({
  uuid,
  status: optional(status(CONTRACT_STATUSES)),
  number: optional(reference),
})

const paymentScheduleSchema = z.looseObject({
  period: optional(integer),
  amount: optional(money),
  paymentAmountMonthly: money,
  interestRateAnnual: optional(decimal),
  creditCostRateAnnual: optional(decimal),
  creditCostAmountTotal: optional(money),
  repaymentsAmountTotal: optional(money),
  contractFeeAmountTotal: optional(money),
  firstPaymentDate: optional(z.string()),
  lastPaymentDate: optional(z.string()),
})

/** GET /applications/:uuid: decision and offer. */
export const applicationSchema = z.looseObject({
  product: z.looseObject({ code: z.string() }).nullish(),
  creditApplication: z.looseObject({
    uuid,
    number: optional(reference),
    decisionStatus: status(DECISION_STATUSES),
    decisionMessages,
    processStatus: optional(z.string()),
    offerValidTo: optional(z.string()),
    changedConditions: z.boolean().nullish().transform(Boolean),
    previousUuid: optional(z.string()),
    amount: optional(money),
    period: optional(integer),
    confirmedAt: optional(z.string()),
  }),
  contract: applicationContractSchema.nullish(),
  paymentSchedule: paymentScheduleSchema.nullish(),
})
export type Application = z.infer<typeof applicationSchema>

export const applicationSigningSchema = z.looseObject({
  creditApplication: z.looseObject({
    uuid,
    number: optional(reference),
    confirmedAt: optional(z.string()),
  }),
})
export type ApplicationSigning = z.infer<typeof applicationSigningSchema>

/** Answer to PATCH .../signings (SMS code confirmed), for applications and contracts alike. */
export const signingConfirmationSchema = z.looseObject({
  signing: z.looseObject({
    uuid: optional(z.string()),
    number: optional(reference),
    signedAt: optional(z.string()),
    method: optional(z.string()),
  }),
})
export type SigningConfirmation = z.infer<typeof signingConfirmationSchema>

/**
 * The bank list's icon and the retrieval's redirect address were stripped from the vendor text; we read
 * `iconUrl` / `redirectUrl`.
 */
export const bankListSchema = z.looseObject({
  bankList: z.array(
    z.looseObject({
      id: reference,
      name: z.string(),
      iconUrl: optional(z.string()),
    }),
  ),
})
export type BankList = z.infer<typeof bankListSchema>

export const retrievalSchema = z.looseObject({
  retrievalId: z.string(),
  redirectUrl: optional(z.string()),
})
export type Retrieval = z.infer<typeof retrievalSchema>

export const acceptedApplicationSchema = z.looseObject({
  contract: z.looseObject({ uuid }),
})
export type AcceptedApplication = z.infer<typeof acceptedApplicationSchema>

export const printoutSchema = z.looseObject({
  uuid: optional(z.string()),
  link: z.string(),
})
export type Printout = z.infer<typeof printoutSchema>

/** GET /contracts/:uuid; `processStatus` may come beside the contract (reference, "Returns contract details"). */
export const contractSchema = z.looseObject({
  contract: z.looseObject({
    uuid,
    status: status(CONTRACT_STATUSES),
    number: optional(reference),
    signedAt: optional(z.string()),
    activatedAt: optional(z.string()),
    partnerApprovalAt: optional(z.string()),
    terminatedAt: optional(z.string()),
    terminationReason: optional(z.string()),
    processStatus: optional(z.string()),
  }),
  processStatus: optional(z.string()),
})
export type Contract = z.infer<typeof contractSchema>

/** Endpoints documented with no answer body (cancel, merchant approval, uploads) may still send one. */
export const anyBodySchema = z.unknown()
