import { randomInt, randomUUID } from "node:crypto"
import type { ContractStatus, DecisionStatus, SigningMethod } from "./vocabulary"

/** Everything the sandbox knows, in memory. Field names are camelCase; the dialect renders them. */

export interface Applicant {
  identityCode: string
  firstName: string
  lastName: string
  mobile: string
  email: string
  documentType: string
  documentNumber: string
}

export interface PendingSigning {
  method: SigningMethod
  code?: string
  failedAttempts: number
}

export interface Application {
  uuid: string
  number: string
  previousUuid: string | null
  changedConditions: boolean
  /** pending → (signed) → decided → accepted, or cancelled. */
  stage: "awaiting_signature" | "deciding" | "decided" | "accepted" | "cancelled"
  decisionStatus: DecisionStatus
  decisionMessages: string[]
  /** Set once the income proof was uploaded or shared: the next decision ignores the income magic. */
  incomeProofReceived: boolean
  amount: string
  period: number
  /** `purchase` as the partner sent it with the application (null when it sent none). */
  purchase: unknown
  paymentDay: number
  monthlyIncome: string | null
  applicant: Applicant
  callbackUrl: string | null
  signing: PendingSigning | null
  confirmedAt: string | null
  createdAt: string
  offerValidTo: string
  contractUuid: string | null
  /** Set when Inbank replaced this application: lookups by this UUID answer with the new one. */
  replacedBy: string | null
  attachments: { filename: string; size: number; type: string }[]
}

export type ContractProcessStatus =
  | "contract_signing"
  | "waiting_for_customer_digital_verification"
  | "waiting_for_partners_confirmation"
  | "activation"
  | "activated"
  | "cancelled"
  | "terminated"

export interface Contract {
  uuid: string
  number: string
  applicationUuid: string
  status: ContractStatus
  processStatus: ContractProcessStatus
  signing: PendingSigning | null
  signedAt: string | null
  activatedAt: string | null
  partnerApprovalAt: string | null
  terminatedAt: string | null
  terminationReason: string | null
  customerUuid: string
  printoutUuid: string
}

export interface Retrieval {
  id: string
  applicationUuid: string
  bankId: string
  locale: string
  returnUrl: string | null
  /** Why the bank data is asked for: a decision on income, or identity after contract signing. */
  purpose: "income_proof" | "verification"
  completed: boolean
}

export interface SmsMessage {
  id: string
  phone: string
  text: string
  code: string
  subject: "application" | "contract"
  uuid: string
  sentAt: string
}

export interface LoggedRequest {
  at: string
  method: string
  path: string
  endpoint: string | null
  version: string | null
  status: number
  ms: number
  fault: string | null
}

export interface CallbackDelivery {
  at: string
  url: string
  type: "DECISION" | "CONTRACT"
  status: string
  creditApplicationUuid: string
  attempt: number
  copy: number
  outcome: number | string
}

export class SandboxState {
  applications = new Map<string, Application>()
  contracts = new Map<string, Contract>()
  retrievals = new Map<string, Retrieval>()
  sms: SmsMessage[] = []
  requests: LoggedRequest[] = []
  callbacks: CallbackDelivery[] = []
  /** identity code → contact data first used with it (the demo's "one customer per document" rule). */
  customers = new Map<string, { documentNumber: string; mobile: string; email: string; uuid: string }>()
  private sequence = 0

  nextNumber(): string {
    this.sequence += 1
    return `8900${String(2917000 + this.sequence).padStart(7, "0")}`
  }

  newUuid(): string {
    return randomUUID()
  }

  newSmsCode(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, "0")
  }

  /** Follows replacements (changed conditions) to the application Inbank now answers with. */
  findApplication(uuid: string): Application | undefined {
    let application = this.applications.get(uuid)
    while (application?.replacedBy) application = this.applications.get(application.replacedBy)
    return application
  }
}
