import { z } from "@medusajs/framework/zod"
import { isValidPesel } from "../../../../../lib/inbank"

const text = (max = 200) => z.string().trim().min(1).max(max)
const amount = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "must be an amount in PLN, e.g. 4500 or 4500.50"))

/** The applicant form. Everything personal here goes to Inbank and is never stored by Medusa. */
export const StoreInbankApplication = z
  .object({
    period: z.number().int().min(1).max(120).optional(),
    applicant: z
      .object({
        identity_code: z.string().trim().refine(isValidPesel, "must be a valid PESEL number (11 digits with a correct checksum)"),
        first_name: text(100),
        last_name: text(100),
        document_type: z.enum(["id_card", "passport"]),
        document_number: text(30),
        mobile: z.string().trim().regex(/^\+?48\d{9}$|^\d{9}$/, "must be a Polish mobile number, e.g. +48500100200"),
        email: z.email(),
        address: z
          .object({
            street: text(),
            house_number: text(20).optional(),
            apartment_number: text(20).optional(),
            city: text(100),
            postal_code: z.string().trim().regex(/^\d{2}-\d{3}$/, "must be a Polish postal code, e.g. 00-001"),
            country_code: z.string().trim().toLowerCase().refine((c) => c === "pl", "must be pl"),
          })
          .strict(),
        monthly_income: amount,
        monthly_obligations: amount.default("0"),
      })
      .strict(),
    consents: z
      .array(z.object({ type: text(100), value: z.boolean(), text: text(5000) }).strict())
      .min(1, "at least one consent is required"),
  })
  .strict()
export type StoreInbankApplicationType = z.infer<typeof StoreInbankApplication>

export const StoreInbankSigning = z.object({ subject: z.enum(["application", "contract"]) }).strict()
export type StoreInbankSigningType = z.infer<typeof StoreInbankSigning>

export const StoreInbankSigningConfirm = z
  .object({ subject: z.enum(["application", "contract"]), code: z.string().trim().regex(/^\d{4,8}$/, "must be the code from the SMS") })
  .strict()
export type StoreInbankSigningConfirmType = z.infer<typeof StoreInbankSigningConfirm>

/** `return_url`: http(s) only here; the route also requires a `storeCors` origin (bank-verification/return-url.ts). */
export const StoreInbankBankVerification = z
  .object({ bank_id: text(100), return_url: z.url({ protocol: /^https?$/, error: "must be an http(s) address of the store" }) })
  .strict()
export type StoreInbankBankVerificationType = z.infer<typeof StoreInbankBankVerification>
