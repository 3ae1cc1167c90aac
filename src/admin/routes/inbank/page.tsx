import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Container, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { StaffState, useQueue } from "../../lib/financing"

const STATES: StaffState[] = [
  "awaiting_approval",
  "processing",
  "financed",
  "awaiting_decision",
  "awaiting_signature",
  "awaiting_income_proof",
  "awaiting_customer",
  "awaiting_bank_verification",
  "declined",
  "cancelled",
  "terminated",
  "cancellation_pending",
  "financed_order_cancelled",
]

/** The financing queue: contracts waiting for approval first, then the most recent applications. */
const InbankQueuePage = () => {
  const { t } = useTranslation()
  const [state, setState] = useState<string>("all")
  const { data: rows = [] } = useQueue(state === "all" ? undefined : state)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading>{t("inbank.queue.title")}</Heading>
        <Select value={state} onValueChange={setState} size="small">
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{t("inbank.queue.all")}</Select.Item>
            {STATES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`inbank.states.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {rows.length === 0 ? (
        <Text className="text-ui-fg-muted px-6 py-4">{t("inbank.queue.empty")}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("inbank.queue.order")}</Table.HeaderCell>
              <Table.HeaderCell>{t("inbank.fields.application")}</Table.HeaderCell>
              <Table.HeaderCell>{t("inbank.fields.contract")}</Table.HeaderCell>
              <Table.HeaderCell>{t("inbank.fields.amount")}</Table.HeaderCell>
              <Table.HeaderCell>{t("inbank.queue.state")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>
                  {row.order_id ? <Link to={`/orders/${row.order_id}`}>{row.order_id.slice(-8)}</Link> : "—"}
                </Table.Cell>
                <Table.Cell>{row.application_number ?? "—"}</Table.Cell>
                <Table.Cell>{row.contract_number ?? "—"}</Table.Cell>
                <Table.Cell>{row.amount} PLN</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={row.color}>{t(`inbank.states.${row.state}`)}</StatusBadge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Inbank",
  icon: CreditCard,
})

export default InbankQueuePage
