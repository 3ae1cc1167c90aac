import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InbankEvents } from "../lib/financing/announcements"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import type { InbankStateEventData } from "../workflows/apply-inbank-state"
import { sendInbankApprovalNotice } from "../workflows/notify-inbank-approval"

/** A contract started waiting for the merchant after its order was placed: staff are told in the admin's feed. */
export default async function inbankAwaitingApproval({ event, container }: SubscriberArgs<InbankStateEventData>) {
  const record = await container
    .resolve<InbankModuleService>(INBANK_MODULE)
    .recordForApplication(event.data.application_uuid)
  if (record) await sendInbankApprovalNotice(container, record.id)
}

export const config: SubscriberConfig = { event: InbankEvents.CONTRACT_ACTIVATION_REQUIRES_PARTNER_APPROVAL }
