import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { formRefusal } from "./messages/form-refusal"

/**
 * Like Medusa's validateAndTransformBody for the store's forms: the parsed (normalised) body becomes
 * `req.validatedBody`; a refused body is answered 400 with a catalogue code per field
 * (messages/form-refusal.ts) in the shopper's language, and no submitted value is echoed.
 */
export function validateBodyNamingFields(schema: z.ZodType) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.body ?? {})
    if (!result.success) return formRefusal(result.error.issues, req.body ?? {}).send(res)
    req.validatedBody = result.data
    next()
  }
}
