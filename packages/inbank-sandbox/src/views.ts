import { schedule } from "./calculator"
import type { SandboxSettings } from "./settings"
import type { Application, Contract, SandboxState } from "./state"

/**
 * Answers shaped as the partner API reference's examples, in camelCase; the dialect turns them
 * into snake_case for v2. Money goes out as decimal strings, as Inbank's GET examples do ("1001.0").
 */

function applicationProcessStatus(application: Application, contract?: Contract): string {
  if (contract) return contract.processStatus
  if (application.stage === "cancelled") return "cancelled"
  if (application.stage === "awaiting_signature") return "waiting_for_signature"
  if (application.decisionStatus === "positive") return "offer"
  if (application.decisionStatus === "income_proof_required") return "income_proof"
  if (application.decisionStatus === "pending" || application.decisionStatus === "manual") return "decision"
  return "rejected"
}

/** POST /applications answers with the application, flat (reference, "Create a new application"). */
export function createdApplicationView(application: Application, productCode: string) {
  const plan = paymentDates(application)
  return {
    uuid: application.uuid,
    number: application.number,
    status: application.stage === "decided" ? "decided" : "pending",
    productCode,
    amount: application.amount,
    period: application.period,
    downPaymentAmount: 0,
    paymentDay: application.paymentDay,
    startDate: plan.start,
    endDate: plan.end,
    decisionStatus: application.decisionStatus,
    decisionMessages: application.decisionMessages.join("; "),
    changedConditions: application.changedConditions,
    previousUuid: application.previousUuid,
  }
}

export function applicationView(application: Application, state: SandboxState, settings: SandboxSettings) {
  const contract = application.contractUuid ? state.contracts.get(application.contractUuid) : undefined
  const offer =
    application.decisionStatus === "positive"
      ? schedule(application.amount, application.period, settings.interestRateAnnual)
      : null
  const plan = paymentDates(application)
  return {
    product: { code: settings.productCode, name: "Raty Inbank", subtype: "hire_purchase", type: "loan" },
    shop: { name: "Inbank sandbox shop", type: "online_partner", uuid: settings.shopUuid },
    creditApplication: {
      uuid: application.uuid,
      number: application.number,
      creditApplicationStatus: application.stage,
      offerValidTo: application.offerValidTo,
      createdAt: application.createdAt,
      processStatus: applicationProcessStatus(application, contract),
      period: application.period,
      amount: application.amount,
      paymentDay: application.paymentDay,
      decisionStatus: application.decisionStatus,
      decisionMessages: application.decisionMessages,
      changedConditions: application.changedConditions,
      previousUuid: application.previousUuid,
      confirmedAt: application.confirmedAt,
    },
    purchase: application.purchase,
    contract: contract ? { uuid: contract.uuid, number: contract.number, status: contract.status } : null,
    paymentSchedule: offer && {
      period: offer.period,
      amount: offer.amount,
      netCreditAmount: offer.amount,
      paymentAmountMonthly: offer.paymentAmountMonthly,
      firstPaymentAmount: offer.paymentAmountMonthly,
      firstPaymentDate: plan.start,
      lastPaymentAmount: offer.lastPaymentAmount,
      lastPaymentDate: plan.end,
      interestRateAnnual: offer.interestRateAnnual,
      creditCostRateAnnual: offer.creditCostRateAnnual,
      creditCostAmountTotal: offer.totalCostOfCredit,
      interestAmountTotal: offer.totalCostOfCredit,
      repaymentsAmountTotal: offer.totalCost,
      contractFeeAmountTotal: "0.00",
      paymentDay: application.paymentDay,
    },
  }
}

export function contractView(contract: Contract, productCode: string) {
  return {
    contract: {
      status: contract.status,
      terminationReason: contract.terminationReason,
      uuid: contract.uuid,
      number: contract.number,
      payoutAccountNumber: "PL61109010140000071219812874",
      activatedAt: contract.activatedAt,
      activatorName: contract.activatedAt ? "Inbank sandbox" : null,
      terminatedAt: contract.terminatedAt,
      productCode,
      customerSigned: contract.signedAt !== null,
      repSigned: contract.activatedAt !== null,
      signedAt: contract.signedAt,
      partnerApprovalAt: contract.partnerApprovalAt,
      customerUuid: contract.customerUuid,
      identificationSatisfied: contract.processStatus !== "waiting_for_customer_digital_verification",
    },
    processStatus: contract.processStatus,
  }
}

export function signingView(uuid: string, number: string, method: string, signedAt: string | null) {
  return { signing: { uuid, number, signedAt, method } }
}

function paymentDates(application: Application): { start: string; end: string } {
  const created = new Date(application.createdAt)
  const first = new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth() + 1, application.paymentDay))
  const last = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + application.period - 1, application.paymentDay),
  )
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) }
}
