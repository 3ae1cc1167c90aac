import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Button, Container, Heading, Select, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { RECORD_STAFF_STATES, StaffState } from "../../../lib/financing/staff-state"
import { QueueRow, useCancelApplication, useQueue } from "../../lib/financing"
import { useFormat } from "../../lib/use-format"

const PAGE_SIZE = 20
/** The states the queue filters by (the two about a cancelled order are shown on rows only). */
const FILTERS = RECORD_STAFF_STATES

/** Cancels, after a prompt, the financing of an application that has no order. */
const CancelFinancing = ({ row }: { row: QueueRow }) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const cancel = useCancelApplication()
  const onClick = async () => {
    const confirmed = await prompt({
      title: t("inbank.queue.cancelTitle"),
      description: t("inbank.queue.cancelText"),
      confirmText: t("inbank.confirm.yes"),
      cancelText: t("inbank.confirm.no"),
    })
    if (!confirmed) return
    cancel.mutate(row.id, {
      onSuccess: () => toast.success(t("inbank.queue.cancelled")),
      onError: (error) => toast.error(t("inbank.toast.failed", { message: error.message })),
    })
  }
  return (
    <Button size="small" variant="secondary" isLoading={cancel.isPending} onClick={() => void onClick()}>
      {t("inbank.queue.cancel")}
    </Button>
  )
}

/** The financing queue: contracts waiting for approval first, then the newest applications, a page at a time. */
const InbankQueuePage = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const [search] = useSearchParams()
  const [state, setState] = useState<StaffState | "all">(() => FILTERS.find((s) => s === search.get("state")) ?? "all")
  const [offset, setOffset] = useState(0)
  const { data } = useQueue({ state: state === "all" ? undefined : state, limit: PAGE_SIZE, offset })
  const rows = data?.applications ?? []
  const count = data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="inbank-queue">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading>{t("inbank.queue.title")}</Heading>
        <Select
          value={state}
          onValueChange={(value) => {
            setState(value as StaffState | "all")
            setOffset(0)
          }}
          size="small"
        >
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{t("inbank.queue.all")}</Select.Item>
            {FILTERS.map((s) => (
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
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("inbank.queue.order")}</Table.HeaderCell>
                <Table.HeaderCell>{t("inbank.queue.customer")}</Table.HeaderCell>
                <Table.HeaderCell>{t("inbank.queue.date")}</Table.HeaderCell>
                <Table.HeaderCell>{t("inbank.fields.application")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("inbank.fields.amount")}</Table.HeaderCell>
                <Table.HeaderCell>{t("inbank.queue.state")}</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id} data-testid="inbank-queue-row">
                  <Table.Cell>
                    {row.order_id ? (
                      <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive">
                        #{row.display_id}
                      </Link>
                    ) : (
                      <span className="text-ui-fg-muted">{t("inbank.queue.noOrder")}</span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.customer_name ?? "—"}</Table.Cell>
                  <Table.Cell>{format.dateTime(row.applied_at)}</Table.Cell>
                  <Table.Cell>{row.application_number ?? "—"}</Table.Cell>
                  <Table.Cell className="text-right">{format.pln(row.amount)}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={row.color}>{t(`inbank.states.${row.state}`)}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell>{row.actions.cancel && <CancelFinancing row={row} />}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" className="text-ui-fg-subtle" data-testid="inbank-queue-count">
          {t("inbank.queue.count", { from: count ? offset + 1 : 0, to: offset + rows.length, count })}
        </Text>
        <div className="flex gap-2">
          <Button
            size="small"
            variant="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t("inbank.queue.previous")}
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={offset + PAGE_SIZE >= count}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t("inbank.queue.next")}
          </Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Inbank",
  icon: CreditCard,
})

export default InbankQueuePage
