import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toInbankAmount } from "inbank-partner-api"
import type { ContractStatus } from "inbank-partner-api"
import { INBANK_MODULE } from "../../../../modules/inbank"
import type InbankModuleService from "../../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../../lib/financing/record-state"
import { staffState } from "../staff-state"

/** The financing queue: contracts awaiting the merchant's approval first, then the most recent; `?state=` filters. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  const limit = Math.min(Number(req.query.limit ?? 50) || 50, 200)
  const wanted = typeof req.query.state === "string" ? req.query.state : undefined
  const records = (await inbank.listInbankApplications({}, { order: { updated_at: "DESC" }, take: 500 })) as unknown as (InbankApplicationRecord & { updated_at: string })[]
  const rows = records
    .map((record) => {
      const derived = inbank.stateOf(record, { orderPlaced: Boolean(record.order_id) })
      const staff = staffState(derived, record.contract_status as ContractStatus | null)
      return {
        id: record.id,
        order_id: record.order_id,
        application_number: record.application_number,
        contract_number: record.contract_number,
        amount: toInbankAmount(record.raw_amount),
        period: record.period,
        state: staff.state,
        color: staff.color,
        updated_at: record.updated_at,
      }
    })
    .filter((row) => !wanted || row.state === wanted)
    .sort((a, b) => Number(b.state === "awaiting_approval") - Number(a.state === "awaiting_approval"))
  res.json({ applications: rows.slice(0, limit), count: rows.length })
}
