import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { RECORD_STAFF_STATES, StaffState } from "../../../../lib/financing/staff-state"
import { INBANK_MODULE } from "../../../../modules/inbank"
import type InbankModuleService from "../../../../modules/inbank/service"
import { PluginHttpError } from "../../../http-error"
import { queueRows } from "../queue-rows"

const QueueQuery = z.object({
  state: z
    .string()
    .refine((state): state is StaffState => RECORD_STAFF_STATES.includes(state as StaffState))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/**
 * The financing queue, a page at a time: contracts awaiting the merchant's approval first, then the
 * newest applications; `?state=` filters, `?limit=` (1–200, default 50) and `?offset=` page. Filtered,
 * ordered and paged in SQL (the module's listQueue). Answers `{applications, count, limit, offset}`;
 * 400 `invalid_query` naming the bad parameter.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const parsed = QueueQuery.safeParse(req.query)
  if (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0])
    return new PluginHttpError(
      400,
      "invalid_query",
      { pl: `Nieprawidłowy parametr „${field}”.`, en: `Invalid parameter "${field}".` },
      { field },
    ).send(res)
  }
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  const { records, count } = await inbank.listQueue(parsed.data)
  res.json({
    applications: await queueRows(req.scope, inbank, records),
    count,
    limit: parsed.data.limit,
    offset: parsed.data.offset,
  })
}
