import { z } from "zod"
import { isPeselNumber } from "./identity-code"
import { snakeKey } from "./key-casing"
import { SIGNING_METHOD_VALUES } from "./vocabulary"
import { unprocessable } from "./errors"

/** Request schemas, in camelCase after the dialect read the body. Messages are Inbank-like and name the field. */

const required = (what = "a string") =>
  z
    .string({
      error: (issue) => (issue.input === undefined || issue.input === null ? "is missing" : `must be ${what}`),
    })
    .trim()
    .min(1, "is missing")

const amount = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? "is missing" : "must be a decimal amount"),
  })
  .transform(String)
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "must be a decimal amount with at most 2 fraction digits"))

const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+$/)], {
      error: (issue) => (issue.input === undefined ? "is missing" : "must be a whole number"),
    })
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

const pesel = required("a PESEL number").refine(isPeselNumber, "is not a valid PESEL number")

export const calculationRequest = z.object({
  productCode: required(),
  amount,
  period: wholeNumber(1, 120),
  paymentDay: wholeNumber(1, 28).optional(),
})

export const applicationRequest = z.object({
  creditApplication: z.object(
    {
      productCode: required(),
      amount,
      period: wholeNumber(1, 120),
      paymentDay: wholeNumber(1, 28).optional(),
      monthlyIncome: amount.optional(),
      monthlyFinancialObligations: amount.optional(),
    },
    { error: "is missing" },
  ),
  customer: z.object({ identityCode: pesel, firstName: required(), lastName: required() }, { error: "is missing" }),
  customerAddresses: z
    .array(z.object({ street: required(), zipCode: required(), country: required() }), { error: "is missing" })
    .min(1, "is missing"),
  customerContact: z.object(
    {
      mobile: required("a phone number").pipe(z.string().regex(/^\+?\d{9,15}$/, "must be a phone number")),
      email: required("an e-mail address").pipe(z.email("must be an e-mail address")),
    },
    { error: "is missing" },
  ),
  customerIdentification: z.object({ documentType: required(), documentNumber: required() }, { error: "is missing" }),
  consents: z.array(z.object({ type: required(), value: z.boolean(), text: z.string().optional() })).optional(),
  /** "Details about the purchased items" (partner API reference, POST /applications): no shape given, kept as sent. */
  purchase: z.unknown().optional(),
  partnerUrls: z.object({ callbackUrl: z.url("must be a URL").optional() }).optional(),
})

export const signingRequest = z.object({
  method: z.enum(SIGNING_METHOD_VALUES, {
    error: (issue) => (issue.input === undefined ? "is missing" : "must be digital, paper or sms"),
  }),
})

export const confirmationRequest = z.object({
  method: z.literal("sms", { error: "must be sms" }),
  confirmationCode: z.union([z.string(), z.number()], { error: "is missing" }).transform(String),
})

export const retrievalRequest = z.object({
  applicationUuid: required(),
  bankId: z.union([z.string(), z.number()], { error: "is missing" }).transform(String),
  locale: z.string().optional(),
  returnUrl: z.url("must be a URL").optional(),
})

/** Parses a body, or answers 422 naming every bad field as the caller's dialect spells it. */
export function parseRequest<T extends z.ZodTypeAny>(schema: T, body: unknown, version: "v2" | "v3"): z.output<T> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const messages = result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (version === "v2" ? snakeKey(String(part)) : String(part)))
    return `${path.join(".") || "body"} ${issue.message}`
  })
  throw unprocessable(...messages)
}
