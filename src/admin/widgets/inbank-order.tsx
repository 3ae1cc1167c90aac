import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Financing, useFinancing, useFinancingAction, usePrintout } from "../lib/financing"
import { useFormat } from "../lib/use-format"

const Row = ({ label, value, testId }: { label: string; value?: string | number | null; testId: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-2">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <Text size="small" leading="compact" className="text-right" data-testid={`inbank-${testId}`}>
      {value ?? "—"}
    </Text>
  </div>
)

/** Inbank's status words in the admin's language; an unknown word is shown as Inbank sent it. */
function useInbankWords() {
  const { t } = useTranslation()
  const word = (group: string, value?: string | null) =>
    value ? t(`inbank.${group}.${value}`, { defaultValue: value }) : null
  return {
    decision: (status: string) => word("decisions", status),
    contract: (contract: Financing["contract"]) =>
      contract?.status
        ? [word("contractStatuses", contract.status), word("processStatuses", contract.process_status)]
            .filter(Boolean)
            .join(" — ")
        : null,
    callback: (callback: Financing["callbacks"][number]) =>
      t(`inbank.callbacks.${callback.status}`, { defaultValue: `${callback.type} ${callback.status}` }),
  }
}

/** The order's Inbank financing, with Approve and Cancel, on the order page's side column. */
const InbankOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const format = useFormat()
  const words = useInbankWords()
  const prompt = usePrompt()
  const { data: financing, isLoading } = useFinancing(order.id)
  const approve = useFinancingAction(order.id, "approve")
  const cancel = useFinancingAction(order.id, "cancel")
  const refresh = useFinancingAction(order.id, "refresh")
  const printout = usePrintout(order.id)
  const busy = approve.isPending || cancel.isPending || refresh.isPending || printout.isPending

  if (isLoading || !financing) return null

  const run = async (
    mutation: typeof approve,
    done: string,
    confirm?: { title: string; text: string; variant: "danger" | "confirmation" },
  ) => {
    if (
      confirm &&
      !(await prompt({
        title: confirm.title,
        description: confirm.text,
        variant: confirm.variant,
        confirmText: t("inbank.confirm.yes"),
        cancelText: t("inbank.confirm.no"),
      }))
    )
      return
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
      <div className="flex items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2">{t("inbank.title")}</Heading>
        <StatusBadge color={financing.color} data-testid="inbank-state">
          {t(`inbank.states.${financing.state}`)}
        </StatusBadge>
      </div>
      {financing.unknown_at_inbank && (
        <Text size="small" className="text-ui-fg-error px-6 py-3" data-testid="inbank-unknown">
          {t("inbank.unknownAtInbank")}
        </Text>
      )}
      <div className="py-2">
        <Row testId="application" label={t("inbank.fields.application")} value={financing.application.number} />
        <Row
          testId="decision"
          label={t("inbank.fields.decision")}
          value={words.decision(financing.application.decision_status)}
        />
        <Row testId="contract" label={t("inbank.fields.contract")} value={financing.contract?.number} />
        <Row
          testId="contract-status"
          label={t("inbank.fields.contractStatus")}
          value={words.contract(financing.contract)}
        />
        <Row testId="amount" label={t("inbank.fields.amount")} value={format.pln(financing.amount)} />
        <Row
          testId="period"
          label={t("inbank.fields.period")}
          value={t("inbank.fields.months", { count: financing.period })}
        />
        <Row testId="monthly" label={t("inbank.fields.monthly")} value={format.pln(financing.offer?.monthly_payment)} />
        <Row testId="apr" label={t("inbank.fields.apr")} value={format.rate(financing.offer?.apr)} />
        <Row testId="total" label={t("inbank.fields.totalCost")} value={format.pln(financing.offer?.total_cost)} />
        <Row
          testId="applied-at"
          label={t("inbank.fields.appliedAt")}
          value={format.dateTime(financing.dates.applied_at)}
        />
        <Row
          testId="updated-at"
          label={t("inbank.fields.updatedAt")}
          value={format.dateTime(financing.dates.updated_at)}
        />
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
          <ul className="mt-1" data-testid="inbank-callbacks">
            {financing.callbacks.map((callback) => (
              <li
                key={`${callback.type}-${callback.status}`}
                className="text-ui-fg-subtle flex justify-between gap-2 text-xs"
              >
                <span>{words.callback(callback)}</span>
                <span>{format.dateTime(callback.sent_at)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {!financing.unknown_at_inbank && (
        <div className="flex flex-wrap gap-2 px-6 py-4">
          {financing.actions.approve && (
            <Button
              size="small"
              variant="primary"
              disabled={busy}
              isLoading={approve.isPending}
              onClick={() =>
                void run(approve, t("inbank.toast.approved"), {
                  title: t("inbank.confirm.approveTitle"),
                  text: t("inbank.confirm.approveText"),
                  variant: "confirmation",
                })
              }
            >
              {t("inbank.actions.approve")}
            </Button>
          )}
          {financing.actions.cancel && (
            <Button
              size="small"
              variant="danger"
              disabled={busy}
              isLoading={cancel.isPending}
              onClick={() =>
                void run(cancel, t("inbank.toast.cancelled"), {
                  title: t("inbank.confirm.cancelTitle"),
                  text: t("inbank.confirm.cancelText"),
                  variant: "danger",
                })
              }
            >
              {t("inbank.actions.cancel")}
            </Button>
          )}
          {financing.actions.printout && (
            <Button size="small" variant="secondary" disabled={busy} onClick={openPrintout}>
              {t("inbank.actions.printout")}
            </Button>
          )}
          <Button
            size="small"
            variant="transparent"
            disabled={busy}
            isLoading={refresh.isPending}
            onClick={() => void run(refresh, t("inbank.toast.refreshed"))}
          >
            {t("inbank.actions.refresh")}
          </Button>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
})

export default InbankOrderWidget
