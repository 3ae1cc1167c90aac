import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFinancing, useFinancingAction, usePrintout } from "../lib/financing"

const formatDate = (value?: string | null) => (value ? new Date(value).toLocaleString() : "—")
/** A rate from Inbank ("0.1047") as a percentage for display; not money. */
const formatRate = (value?: string | null) => (value ? `${(Number(value) * 100).toFixed(2)} %` : null)

const Row = ({ label, value }: { label: string; value?: string | number | null }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-2">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <Text size="small" leading="compact" className="text-right" data-testid={`inbank-${label}`}>
      {value ?? "—"}
    </Text>
  </div>
)

/** The order's Inbank financing, with Approve and Cancel, on the order page's side column. */
const InbankOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const { data: financing, isLoading } = useFinancing(order.id)
  const approve = useFinancingAction(order.id, "approve")
  const cancel = useFinancingAction(order.id, "cancel")
  const refresh = useFinancingAction(order.id, "refresh")
  const printout = usePrintout(order.id)
  const busy = approve.isPending || cancel.isPending || refresh.isPending || printout.isPending

  if (isLoading || !financing) return null

  // Never rejects (the mutation reports its errors by toast), so the buttons call it with `void`.
  const run = async (mutation: typeof approve, done: string, confirm?: { title: string; text: string }) => {
    if (confirm && !(await prompt({ title: confirm.title, description: confirm.text, confirmText: t("inbank.confirm.yes"), cancelText: t("inbank.confirm.no") }))) return
    mutation.mutate(undefined, {
      onSuccess: () => toast.success(done),
      onError: (error) => toast.error(t("inbank.toast.failed", { message: error.message })),
    })
  }
  const openPrintout = () =>
    printout.mutate(undefined, {
      onSuccess: (link) => window.open(link, "_blank", "noopener"),
      onError: (error) => toast.error(t("inbank.toast.failed", { message: error.message })),
    })

  return (
    <Container className="divide-y p-0" data-testid="inbank-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("inbank.title")}</Heading>
        <StatusBadge color={financing.color} data-testid="inbank-state">
          {t(`inbank.states.${financing.state}`)}
        </StatusBadge>
      </div>
      <div className="py-2">
        <Row label={t("inbank.fields.application")} value={financing.application.number} />
        <Row label={t("inbank.fields.decision")} value={financing.application.decision_status} />
        <Row label={t("inbank.fields.contract")} value={financing.contract?.number} />
        <Row label={t("inbank.fields.contractStatus")} value={financing.contract?.status} />
        <Row label={t("inbank.fields.amount")} value={`${financing.amount} PLN`} />
        <Row label={t("inbank.fields.period")} value={t("inbank.fields.months", { count: financing.period })} />
        <Row label={t("inbank.fields.monthly")} value={financing.offer?.monthly_payment && `${financing.offer.monthly_payment} PLN`} />
        <Row label={t("inbank.fields.apr")} value={formatRate(financing.offer?.apr)} />
        <Row label={t("inbank.fields.totalCost")} value={financing.offer?.total_cost && `${financing.offer.total_cost} PLN`} />
        <Row label={t("inbank.fields.appliedAt")} value={formatDate(financing.dates.applied_at)} />
        <Row label={t("inbank.fields.updatedAt")} value={formatDate(financing.dates.updated_at)} />
      </div>
      <div className="px-6 py-3">
        <Text size="small" weight="plus">
          {t("inbank.timeline")}
        </Text>
        {financing.callbacks.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted">
            {t("inbank.noCallbacks")}
          </Text>
        ) : (
          <ul className="mt-1">
            {financing.callbacks.map((callback) => (
              <li key={`${callback.type}-${callback.status}`} className="text-ui-fg-subtle flex justify-between text-xs">
                <span>
                  {callback.type} {callback.status}
                </span>
                <span>{formatDate(callback.sent_at)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-wrap gap-2 px-6 py-4">
        {financing.actions.approve && (
          <Button size="small" disabled={busy} isLoading={approve.isPending} onClick={() => void run(approve, t("inbank.toast.approved"), { title: t("inbank.confirm.approveTitle"), text: t("inbank.confirm.approveText") })}>
            {t("inbank.actions.approve")}
          </Button>
        )}
        {financing.actions.cancel && (
          <Button size="small" variant="danger" disabled={busy} isLoading={cancel.isPending} onClick={() => void run(cancel, t("inbank.toast.cancelled"), { title: t("inbank.confirm.cancelTitle"), text: t("inbank.confirm.cancelText") })}>
            {t("inbank.actions.cancel")}
          </Button>
        )}
        {financing.actions.printout && (
          <Button size="small" variant="secondary" disabled={busy} onClick={openPrintout}>
            {t("inbank.actions.printout")}
          </Button>
        )}
        <Button size="small" variant="transparent" disabled={busy} isLoading={refresh.isPending} onClick={() => void run(refresh, t("inbank.toast.refreshed"))}>
          {t("inbank.actions.refresh")}
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
})

export default InbankOrderWidget
