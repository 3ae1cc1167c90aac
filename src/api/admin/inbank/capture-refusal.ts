import BigNumber from "bignumber.js"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INBANK_PROVIDER_ID } from "../../../lib/financing/provider-id"
import { PluginHttpError } from "../../http-error"

/**
 * Refuses a capture of an Inbank payment that Inbank cannot mirror, before anything is sent:
 * - its order is cancelled in Medusa (400 `order_canceled`): approving would activate credit for goods
 *   that will not ship; Medusa's own capture does not look at the order, and a cancel Inbank failed to
 *   confirm leaves the payment open while the plugin retries it;
 * - a part of the amount (400 `partial_capture`): Inbank's merchant approval activates the whole
 *   contract (POST /contracts/:uuid/merchant_approval), so Medusa would record less than
 *   Inbank finances.
 * Other providers' payments pass. Throws PluginHttpError.
 *
 * @param requestedAmount the amount asked to capture (PLN), when the caller names one.
 */
export async function refuseInbankCapture(
  container: MedusaContainer,
  paymentId: string,
  requestedAmount?: unknown,
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["provider_id", "payment_collection_id", "raw_amount"],
    filters: { id: paymentId },
  })
  const payment = payments[0] as
    { provider_id: string; payment_collection_id: string; raw_amount: { value: string } } | undefined
  if (payment?.provider_id !== INBANK_PROVIDER_ID) return
  if (requestedAmount !== undefined && !amountOf(requestedAmount).isEqualTo(payment.raw_amount.value)) {
    throw new PluginHttpError(
      400,
      "partial_capture",
      "Inbank zatwierdza całą umowę: zatwierdź pełną kwotę płatności.",
      { field: "amount" },
    )
  }
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order.status"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  if ((links as { order?: { status: string } }[]).some((link) => link.order?.status === "canceled")) {
    throw new PluginHttpError(
      400,
      "order_canceled",
      "Zamówienie jest anulowane: jego finansowania Inbank nie można zatwierdzić.",
      { field: "order_id" },
    )
  }
}

/** A requested amount as a number or decimal string; anything else is not a number (and so never equal). */
function amountOf(value: unknown): BigNumber {
  return new BigNumber(typeof value === "number" || typeof value === "string" ? value : NaN)
}
