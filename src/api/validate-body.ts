import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Like Medusa's validateAndTransformBody, but every problem names its field
 * ("applicant.identity_code: must be a valid PESEL number") and no submitted value is echoed.
 */
export function validateBodyNamingFields(schema: z.ZodType) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.body ?? {})
    if (result.success) {
      req.validatedBody = result.data
      return next()
    }
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join(".") || "body"
      const message = issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "is required" : issue.message
      return `${field}: ${message}`
    })
    next(new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; ")))
  }
}
