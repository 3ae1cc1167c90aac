import { z } from "zod"

/**
 * The callback's `message` JSON (direct API guide, "Callbacks"): type, status and the credit
 * application's UUID, also for contract events. One vendor example has "POSITIVE " with a
 * trailing space: statuses are trimmed and upper-cased.
 */
const callbackMessageSchema = z.object({
  type: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(["DECISION", "CONTRACT"])),
  status: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z_]{2,60}$/)),
  creditApplicationUuid: z.string().trim().min(1).max(100),
})

export type CallbackMessage = z.output<typeof callbackMessageSchema>

export function parseCallbackMessage(message: string): { ok: true; value: CallbackMessage } | { ok: false; problem: string } {
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
