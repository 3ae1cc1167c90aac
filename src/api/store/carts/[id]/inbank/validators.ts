import { z } from "@medusajs/framework/zod"
import { isValidPesel } from "inbank-partner-api"
import {
  documentNumber,
  groupedDigits,
  PLN_AMOUNT,
  plnAmount,
  polishMobile,
  polishPostalCode,
} from "../../../../polish-input"

// Each check names its catalogue code in zod's `error` (messages/form-refusal.ts turns it into the answer).
const text = (max = 200) => z.string().trim().min(1).max(max)
const amount = z.preprocess(plnAmount, z.string().regex(PLN_AMOUNT, { error: "invalid_amount" }))
const months = { error: "invalid_period" } as const

/**
 * The applicant form. Everything personal here goes to Inbank and is never stored by Medusa. Values
 * are normalised from the ways Polish shoppers write them (src/api/polish-input.ts): the mobile to
 * `+48` and nine digits, amounts to `1234.50`, the postal code to `NN-NNN`; these go to Inbank and
 * key the abuse limits.
 */
export const StoreInbankApplication = z
  .object({
    period: z.number(months).int(months).min(1, months).max(120, months).optional(),
    applicant: z
      .object({
        identity_code: z.preprocess(groupedDigits, z.string().trim().refine(isValidPesel, { error: "invalid_pesel" })),
        first_name: text(100),
        last_name: text(100),
        document_type: z.enum(["id_card", "passport"]),
        document_number: z.preprocess(documentNumber, text(30)),
        mobile: z.preprocess(polishMobile, z.string().regex(/^\+48\d{9}$/, { error: "invalid_phone" })),
        email: z
          .string()
          .trim()
          .pipe(z.email({ error: "invalid_email" })),
        address: z
          .object({
            street: text(),
            house_number: text(20).optional(),
            apartment_number: text(20).optional(),
            city: text(100),
            postal_code: z.preprocess(
              polishPostalCode,
              z.string().regex(/^\d{2}-\d{3}$/, { error: "invalid_postal_code" }),
            ),
            country_code: z
              .string()
              .trim()
              .toLowerCase()
              .refine((c) => c === "pl", { error: "invalid_country" }),
          })
          .strict(),
        monthly_income: amount,
        monthly_obligations: amount.default("0.00"),
      })
      .strict(),
    consents: z
      .array(z.object({ type: text(100), value: z.boolean(), text: text(5000) }).strict())
      .min(1, { error: "consent_required" }),
  })
  .strict()
export type StoreInbankApplicationType = z.infer<typeof StoreInbankApplication>

export const StoreInbankSigning = z.object({ subject: z.enum(["application", "contract"]) }).strict()
export type StoreInbankSigningType = z.infer<typeof StoreInbankSigning>

export const StoreInbankSigningConfirm = z
  .object({
    subject: z.enum(["application", "contract"]),
    code: z.preprocess(
      groupedDigits,
      z
        .string()
        .trim()
        .regex(/^\d{4,8}$/, { error: "invalid_sms_code" }),
    ),
  })
  .strict()
export type StoreInbankSigningConfirmType = z.infer<typeof StoreInbankSigningConfirm>

/** `return_url`: http(s) only here; the route also requires a `storeCors` origin (bank-verification/return-url.ts). */
export const StoreInbankBankVerification = z
  .object({ bank_id: text(100), return_url: z.url({ protocol: /^https?$/, error: "invalid_return_url" }) })
  .strict()
export type StoreInbankBankVerificationType = z.infer<typeof StoreInbankBankVerification>
