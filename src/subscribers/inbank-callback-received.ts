import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CALLBACK_RECEIVED_EVENT } from "../modules/inbank/events"
import { processInbankCallback } from "../workflows/process-inbank-callback"

export default async function inbankCallbackReceived({ event, container }: SubscriberArgs<{ id: string }>) {
  await processInbankCallback(container, event.data.id)
}

export const config: SubscriberConfig = { event: CALLBACK_RECEIVED_EVENT }
