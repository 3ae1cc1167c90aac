import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useQueue } from "../lib/financing"
import { useFormat } from "../lib/use-format"

const SHOWN = 5

/**
 * With the orders list (Medusa's admin cannot add a column to it): the Inbank contracts waiting for
 * the merchant's approval, each "Inbank #5 Anna Nowak 399,00 zł" linking to its order, and a link to
 * all of them in the Inbank queue. Nothing when none waits. Medusa 2.21's layout composer ignores the
 * zone's `.before` and shows list widgets below the table; staff may drag it above (the stable `id`
 * keeps that choice).
 */
const InbankAwaitingApprovalWidget = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const { data } = useQueue({ state: "awaiting_approval", limit: SHOWN, offset: 0 })
  const rows = (data?.applications ?? []).filter((row) => row.order_id)
  if (!data || rows.length === 0) return null

  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="inbank-awaiting-approval">
      <Text size="small" weight="plus">
        {t("inbank.orderList.title", { count: data.count })}
      </Text>
      <ul className="flex flex-wrap gap-2">
        {rows.map((row) => (
          <li key={row.id}>
            <Link
              to={`/orders/${row.order_id}`}
              className="flex items-center gap-2 rounded-md border px-2 py-1 hover:bg-ui-bg-base-hover"
            >
              <Badge size="2xsmall" color="orange">
                {t("inbank.orderList.badge")}
              </Badge>
              <Text size="small" weight="plus">
                #{row.display_id}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {[row.customer_name, format.pln(row.amount)].filter(Boolean).join(" · ")}
              </Text>
            </Link>
          </li>
        ))}
      </ul>
      {data.count > rows.length && (
        <Link to="/inbank?state=awaiting_approval" className="text-ui-fg-interactive text-sm">
          {t("inbank.orderList.more")}
        </Link>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.list.before",
  id: "medusa-payment-inbank-orders-awaiting-approval",
})

export default InbankAwaitingApprovalWidget
