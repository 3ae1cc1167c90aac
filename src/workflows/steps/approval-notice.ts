import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toInbankAmount } from "inbank-partner-api"
import { formatPln } from "../../lib/financing/display-format"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"

/** The admin's feed (its bell): Medusa's notification module, channel "feed", template "admin-ui". */
export const FEED_CHANNEL = "feed"

/** The notice's idempotency key: one per contract, however many paths see it waiting. */
export const approvalNoticeKey = (contractUuid: string) => `inbank-awaiting-approval:${contractUuid}`

/** The notice's text (Polish: the shop's staff): which order, how much, what to do. */
export function approvalNoticeText(displayId: number, amount: string): { title: string; description: string } {
  return {
    title: `Umowa Inbank czeka na akceptację — zamówienie #${displayId}`,
    description:
      `Klient podpisał umowę ratalną na ${formatPln(amount, "pl")}. Inbank wypłaci środki dopiero po Twojej akceptacji: ` +
      `sprawdź dostępność towaru i zatwierdź (albo anuluj) umowę na stronie zamówienia.`,
  }
}

/**
 * Step: tells the store's staff, in the admin's notification feed, that the record's contract waits
 * for their approval (docs/inbank-api.md "Flows" 2: merchant approval), once per contract — only
 * when the record is in that state and has its order (the notice names the order's display id).
 * The notification module's idempotency key keeps it once; callers run it under a lock. Inbank's
 * documents give no deadline for the approval, so the notice names none.
 * @returns the notification's id, or null when nothing was due (or was sent before).
 */
export const sendApprovalNoticeStep = createStep(
  "send-inbank-approval-notice",
  async (input: { record_id: string }, { container }) => {
    const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
    const record = (await inbank.retrieveInbankApplication(input.record_id)) as unknown as InbankApplicationRecord
    if (!record.order_id || !record.contract_uuid || inbank.staffStateOf(record).state !== "awaiting_approval")
      return new StepResponse(null)
    const { data } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "display_id", "status"], filters: { id: record.order_id } })
    const order = data[0] as { id: string; display_id: number; status: string } | undefined
    if (!order || order.status === "canceled") return new StepResponse(null)

    const notifications = container.resolve(Modules.NOTIFICATION)
    // The module skips a key it has sent (and retries one that failed): nothing is created twice.
    const idempotency_key = approvalNoticeKey(record.contract_uuid)
    const [notice] = await notifications.createNotifications([
      {
        // "" reaches every admin user: the admin lists the feed for the user's id, e-mail and "".
        to: "",
        channel: FEED_CHANNEL,
        template: "admin-ui",
        trigger_type: "inbank.contract.activation_requires_partner_approval",
        resource_id: order.id,
        resource_type: "order",
        idempotency_key,
        data: approvalNoticeText(order.display_id, toInbankAmount(record.raw_amount)),
      },
    ])
    return new StepResponse(notice?.id ?? null)
  },
)
