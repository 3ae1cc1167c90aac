import { z } from "zod"
import { isInbankUuid } from "./uuid"

/** The statuses each callback type may carry (direct API guide, "Callbacks"; docs/inbank-api.md "Callbacks"). */
export const CALLBACK_STATUSES = {
  DECISION: ["POSITIVE", "NEGATIVE", "FAILED", "INCOME_PROOF_REQUIRED"],
  CONTRACT: [
    "UNSIGNED",
    "SIGNED",
    "ACTIVATED",
    "CANCELLED",
    "TERMINATED",
    "ACTIVATION_REQUIRES_PARTNER_APPROVAL",
    "DOWN_PAYMENT_PAID_BY_CUSTOMER",
  ],
} as const

export type CallbackType = keyof typeof CALLBACK_STATUSES

/** One vendor example has "POSITIVE " with a trailing space: type and status are trimmed and upper-cased. */
const word = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v)

/**
 * The callback's `message` JSON: type, a status of that type's closed vocabulary, and the credit
 * application's UUID (also for contract events), lower-cased as Inbank's API answers it.
 */
const callbackMessageSchema = z
  .object({
    type: z.preprocess(word, z.enum(["DECISION", "CONTRACT"])),
    status: z.preprocess(word, z.string()),
    creditApplicationUuid: z
      .string()
      .refine(isInbankUuid, "must be a UUID")
      .transform((uuid) => uuid.toLowerCase()),
  })
  .refine((message) => (CALLBACK_STATUSES[message.type] as readonly string[]).includes(message.status), {
    path: ["status"],
    message: "is not a status Inbank documents for this type",
  })

export type CallbackMessage = z.output<typeof callbackMessageSchema>

/** The message's fields, or the problem (naming fields, never their values). */
export function parseCallbackMessage(
  message: string,
): { ok: true; value: CallbackMessage } | { ok: false; problem: string } {
  let json: unknown
  try {
    json = JSON.parse(message)
  } catch {
    return { ok: false, problem: "message is not JSON" }
  }
  const result = callbackMessageSchema.safeParse(json)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, problem: result.error.issues.map((i) => `message.${i.path.join(".")}: ${i.message}`).join("; ") }
}
