import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBANK_MODULE } from "../../../../../../modules/inbank"
import type InbankModuleService from "../../../../../../modules/inbank/service"
import { cancelInbankApplicationWorkflow } from "../../../../../../workflows/cancel-inbank-application"
import { PluginHttpError } from "../../../../../http-error"
import { withInbankErrors } from "../../../../../inbank-errors"
import { queueRows } from "../../../queue-rows"

/**
 * Cancels at Inbank the financing of an application that has no order (cancelInbankApplicationWorkflow)
 * and answers its queue row. 404 `application_not_found`; 409 `has_order` when its cart became an
 * order (cancel from the order, which cancels both) or when nothing is left to cancel.
 */
export const POST = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
  const [record] = await inbank.listQueue({ ids: [req.params.id], limit: 1, offset: 0 }).then((page) => page.records)
  if (!record)
    throw new PluginHttpError(
      404,
      "application_not_found",
      { pl: "Nie ma takiego wniosku Inbank.", en: "There is no such Inbank application." },
      { field: "id" },
    )
  const [row] = await queueRows(req.scope, inbank, [record])
  if (row.order_id) throw hasOrder()
  if (!row.actions.cancel) {
    throw new PluginHttpError(
      409,
      "nothing_to_cancel",
      { pl: "Tego finansowania nie można już anulować.", en: "This financing can no longer be cancelled." },
      { field: "id" },
    )
  }
  // The check above may be overtaken by the shopper completing the cart: the workflow decides again under its lock.
  const { result } = await cancelInbankApplicationWorkflow(req.scope).run({
    input: { record_id: record.id, cart_id: record.cart_id },
  })
  if (result.ordered) throw hasOrder()
  const [after] = (await inbank.listQueue({ ids: [record.id], limit: 1, offset: 0 })).records
  res.json({ application: (await queueRows(req.scope, inbank, [after]))[0] })
})

const hasOrder = () =>
  new PluginHttpError(
    409,
    "has_order",
    {
      pl: "Ten wniosek ma zamówienie: anuluj je na stronie zamówienia.",
      en: "This application has an order: cancel it on the order's page.",
    },
    { field: "id" },
  )
