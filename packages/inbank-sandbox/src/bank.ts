import type { DecisionStatus, SigningMethod } from "./vocabulary"
import { CallbackDispatcher } from "./callbacks"
import { ReadLedger } from "./read-ledger"
import { decide, DECISION_CALLBACK, DECISION_MESSAGES, magicFor } from "./decisions"
import { notFound, SandboxError, unprocessable } from "./errors"
import type { SandboxSettings } from "./settings"
import { Applicant, Application, Contract, PendingSigning, Retrieval, SandboxState } from "./state"
import { Timers } from "./timers"

export interface NewApplication {
  amount: string
  period: number
  paymentDay?: number
  monthlyIncome?: string
  applicant: Applicant
  callbackUrl?: string
  /** The application's `purchase` as the partner sent it. */
  purchase?: unknown
}

/** After three wrong SMS codes the code is void and a new signing must be started. */
const MAX_CODE_ATTEMPTS = 3

export const BANKS = [
  { id: "PKOPPLPW", name: "PKO Bank Polski", iconUrl: null },
  { id: "BREXPLPW", name: "mBank", iconUrl: null },
  { id: "SANDBOXFINANCE_SFIN0000", name: "Sandbox Bank", iconUrl: null },
]

/**
 * Inbank's back office as the vendor documents its states: applications
 * (pending → [signed] → decided → accepted | cancelled) and contracts
 * (unsigned → signed → [digital verification] → [partner confirmation] → activated | cancelled | terminated).
 * Every state change that the vendor lists a callback for sends one.
 */
export class SandboxBank {
  readonly state = new SandboxState()
  readonly timers = new Timers()
  readonly callbacks: CallbackDispatcher
  /** GETs of an application or contract against the polling rule (read-ledger.ts); survives reset(). */
  readonly reads = new ReadLedger()

  constructor(readonly settings: () => SandboxSettings) {
    this.callbacks = new CallbackDispatcher(
      settings,
      this.timers,
      (delivery) => this.state.callbacks.push(delivery),
      (event) => {
        const ticket = this.reads.callback(this.ledgerEntities("application", event.creditApplicationUuid, "write"))
        return () => ticket.done(true)
      },
    )
  }

  /**
   * The entities a request on `/applications/:uuid...` or `/contracts/:uuid...` names, as the read
   * ledger counts them: a read names its entity; a write (and a callback) also the other side
   * (the application's contract, the contract's application). None for an unknown UUID.
   */
  ledgerEntities(kind: "application" | "contract", uuid: string, access: "read" | "write"): string[] {
    if (kind === "application") {
      const application = this.state.findApplication(uuid)
      if (!application) return []
      const contract = access === "write" && application.contractUuid ? [`contract:${application.contractUuid}`] : []
      return [`application:${application.uuid}`, ...contract]
    }
    const contract = this.state.contracts.get(uuid)
    if (!contract) return []
    return access === "write"
      ? [`contract:${contract.uuid}`, `application:${contract.applicationUuid}`]
      : [`contract:${contract.uuid}`]
  }

  reset(): void {
    this.reads.reset()
    this.timers.clear()
    this.callbacks.reset()
    Object.assign(this.state, new SandboxState())
  }

  // --- applications -------------------------------------------------------------------------

  createApplication(input: NewApplication): Application {
    this.checkOneCustomerPerContact(input.applicant)
    const now = new Date()
    const application: Application = {
      uuid: this.state.newUuid(),
      number: this.state.nextNumber(),
      previousUuid: null,
      changedConditions: false,
      stage: this.settings().applicationSigning ? "awaiting_signature" : "deciding",
      decisionStatus: "pending",
      decisionMessages: [DECISION_MESSAGES.pending],
      incomeProofReceived: false,
      amount: input.amount,
      period: input.period,
      paymentDay: input.paymentDay ?? 15,
      monthlyIncome: input.monthlyIncome ?? null,
      applicant: input.applicant,
      callbackUrl: input.callbackUrl ?? null,
      purchase: input.purchase ?? null,
      signing: null,
      confirmedAt: null,
      createdAt: now.toISOString(),
      offerValidTo: new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10),
      contractUuid: null,
      replacedBy: null,
      attachments: [],
    }
    this.state.applications.set(application.uuid, application)
    if (application.stage === "deciding") this.scheduleDecision(application, this.settings().decisionDelayMs)
    return this.application(application.uuid)
  }

  application(uuid: string): Application {
    const application = this.state.findApplication(uuid)
    if (!application) throw notFound("credit application")
    return application
  }

  startApplicationSigning(uuid: string, method: SigningMethod): Application {
    const application = this.application(uuid)
    if (application.stage !== "awaiting_signature")
      throw unprocessable("credit application is not waiting for a signature")
    application.signing = this.startSigning(method, application, "application", application.uuid)
    if (method !== "sms") this.applicationSigned(application)
    return application
  }

  confirmApplicationSigning(uuid: string, code: string): Application {
    const application = this.application(uuid)
    if (application.stage !== "awaiting_signature")
      throw unprocessable("credit application is not waiting for a signature")
    this.checkCode(application.signing, code)
    this.applicationSigned(application)
    return application
  }

  acceptApplication(uuid: string): Contract {
    const application = this.application(uuid)
    if (application.stage === "cancelled") throw unprocessable("credit application is cancelled")
    if (application.stage === "accepted") throw unprocessable("credit application is already accepted")
    if (application.stage !== "decided" || application.decisionStatus !== "positive") {
      throw unprocessable(`credit application decision is ${application.decisionStatus}, not positive`)
    }
    const contract: Contract = {
      uuid: this.state.newUuid(),
      number: this.state.nextNumber(),
      applicationUuid: application.uuid,
      status: "unsigned",
      processStatus: "contract_signing",
      signing: null,
      signedAt: null,
      activatedAt: null,
      partnerApprovalAt: null,
      terminatedAt: null,
      terminationReason: null,
      customerUuid: this.customerUuid(application.applicant.identityCode),
      printoutUuid: this.state.newUuid(),
    }
    this.state.contracts.set(contract.uuid, contract)
    application.stage = "accepted"
    application.contractUuid = contract.uuid
    this.contractCallback(contract, "UNSIGNED")
    return contract
  }

  cancelApplication(uuid: string): Application {
    const application = this.application(uuid)
    if (application.stage === "cancelled") throw unprocessable("credit application is already cancelled")
    const contract = application.contractUuid ? this.state.contracts.get(application.contractUuid) : undefined
    if (contract && contract.status !== "unsigned" && contract.status !== "cancelled") {
      throw unprocessable(`contract is ${contract.status}: cancel the contract instead`)
    }
    if (contract?.status === "unsigned") this.cancelled(contract)
    application.stage = "cancelled"
    return application
  }

  uploadIncomeProof(uuid: string, files: { filename: string; size: number }[], type: string): Application {
    const application = this.application(uuid)
    if (type !== "income_proof_document") throw unprocessable("type must be income_proof_document")
    if (files.length === 0) throw unprocessable("attachments are missing")
    if (application.decisionStatus !== "income_proof_required")
      throw unprocessable("income proof is not required for this credit application")
    application.attachments.push(...files.map((file) => ({ ...file, type })))
    this.incomeProofReceived(application)
    return application
  }

  /** Control API: what Inbank's analysts would decide for an application under manual review. */
  forceDecision(uuid: string, status: DecisionStatus): Application {
    const application = this.application(uuid)
    if (application.stage === "accepted" || application.stage === "cancelled")
      throw unprocessable(`credit application is ${application.stage}`)
    this.settleDecision(application, status)
    return application
  }

  // --- contracts ----------------------------------------------------------------------------

  contract(uuid: string): Contract {
    const contract = this.state.contracts.get(uuid)
    if (!contract) throw notFound("contract")
    return contract
  }

  contractApplication(contract: Contract): Application {
    return this.application(contract.applicationUuid)
  }

  startContractSigning(uuid: string, method: SigningMethod): Contract {
    const contract = this.contract(uuid)
    if (contract.status !== "unsigned") throw unprocessable(`contract is ${contract.status}`)
    contract.signing = this.startSigning(method, this.contractApplication(contract), "contract", contract.uuid)
    if (method !== "sms") this.contractSigned(contract)
    return contract
  }

  confirmContractSigning(uuid: string, code: string): Contract {
    const contract = this.contract(uuid)
    if (contract.status !== "unsigned") throw unprocessable(`contract is ${contract.status}`)
    this.checkCode(contract.signing, code)
    this.contractSigned(contract)
    return contract
  }

  approveContract(uuid: string): Contract {
    const contract = this.contract(uuid)
    if (contract.processStatus !== "waiting_for_partners_confirmation") {
      throw unprocessable(
        `contract is ${contract.status} (${contract.processStatus}), not waiting for partner confirmation`,
      )
    }
    contract.partnerApprovalAt = new Date().toISOString()
    this.activateLater(contract)
    return contract
  }

  cancelContract(uuid: string): Contract {
    const contract = this.contract(uuid)
    if (contract.status !== "unsigned" && contract.status !== "signed") {
      throw unprocessable(`contract is ${contract.status} and cannot be cancelled`)
    }
    this.cancelled(contract)
    return contract
  }

  /** Control API: Inbank ends an activated contract (e.g. the customer withdrew within 14 days). */
  terminateContract(uuid: string, reason: string): Contract {
    const contract = this.contract(uuid)
    if (contract.status !== "activated")
      throw unprocessable(`contract is ${contract.status}, only an activated contract can be terminated`)
    contract.status = "terminated"
    contract.processStatus = "terminated"
    contract.terminatedAt = new Date().toISOString()
    contract.terminationReason = reason
    this.contractCallback(contract, "TERMINATED")
    return contract
  }

  regeneratePrintout(contract: Contract): void {
    contract.printoutUuid = this.state.newUuid()
  }

  // --- account information (AIS) ------------------------------------------------------------

  initiateRetrieval(input: {
    applicationUuid: string
    bankId: string
    locale?: string
    returnUrl?: string
  }): Retrieval {
    const application = this.application(input.applicationUuid)
    if (!BANKS.some((bank) => bank.id === input.bankId)) throw unprocessable("bank_id is not on the bank list")
    const contract = application.contractUuid ? this.state.contracts.get(application.contractUuid) : undefined
    const purpose =
      application.decisionStatus === "income_proof_required" && application.stage === "decided"
        ? "income_proof"
        : contract?.processStatus === "waiting_for_customer_digital_verification"
          ? "verification"
          : null
    if (!purpose) throw unprocessable("account statement is not required for this credit application")
    const retrieval: Retrieval = {
      id: this.state.newUuid(),
      applicationUuid: application.uuid,
      bankId: input.bankId,
      locale: input.locale ?? "pl",
      returnUrl: input.returnUrl ?? null,
      purpose,
      completed: false,
    }
    this.state.retrievals.set(retrieval.id, retrieval)
    return retrieval
  }

  /** The customer shared the account data on the bank's page. */
  completeRetrieval(id: string): Retrieval {
    const retrieval = this.state.retrievals.get(id)
    if (!retrieval) throw notFound("retrieval")
    if (retrieval.completed) throw unprocessable("retrieval is already completed")
    retrieval.completed = true
    const application = this.application(retrieval.applicationUuid)
    if (retrieval.purpose === "income_proof") {
      this.incomeProofReceived(application)
    } else {
      const contract = this.contract(application.contractUuid!)
      if (contract.processStatus === "waiting_for_customer_digital_verification") this.verified(contract)
    }
    return retrieval
  }

  // --- internals ----------------------------------------------------------------------------

  /** Test environment rule: one customer's document number, phone and e-mail cannot be another's. */
  private checkOneCustomerPerContact(applicant: Applicant): void {
    for (const [identityCode, known] of this.state.customers) {
      if (identityCode === applicant.identityCode) continue
      if (
        known.documentNumber === applicant.documentNumber ||
        known.mobile === applicant.mobile ||
        known.email.toLowerCase() === applicant.email.toLowerCase()
      ) {
        throw new SandboxError(422, ["Error has occurred, contact customer support"])
      }
    }
    if (!this.state.customers.has(applicant.identityCode)) {
      this.state.customers.set(applicant.identityCode, {
        documentNumber: applicant.documentNumber,
        mobile: applicant.mobile,
        email: applicant.email,
        uuid: this.state.newUuid(),
      })
    }
  }

  private customerUuid(identityCode: string): string {
    return this.state.customers.get(identityCode)!.uuid
  }

  private startSigning(
    method: SigningMethod,
    application: Application,
    subject: "application" | "contract",
    uuid: string,
  ): PendingSigning {
    if (method !== "sms") return { method, failedAttempts: 0 }
    const code = this.state.newSmsCode()
    const what = subject === "application" ? "wniosku kredytowego" : "umowy kredytu"
    this.state.sms.push({
      id: this.state.newUuid(),
      phone: application.applicant.mobile,
      text: `Inbank: kod do podpisania ${what} nr ${subject === "application" ? application.number : this.contract(uuid).number}: ${code}`,
      code,
      subject,
      uuid,
      sentAt: new Date().toISOString(),
    })
    return { method, code, failedAttempts: 0 }
  }

  private checkCode(signing: PendingSigning | null, code: string): void {
    if (!signing || signing.method !== "sms" || !signing.code) throw unprocessable("no SMS signing was started")
    if (signing.code === code.trim()) return
    signing.failedAttempts += 1
    if (signing.failedAttempts >= MAX_CODE_ATTEMPTS) {
      signing.code = undefined
      throw unprocessable("confirmation_code is invalid; too many attempts, start a new signing")
    }
    throw unprocessable("confirmation_code is invalid")
  }

  private applicationSigned(application: Application): void {
    application.confirmedAt = new Date().toISOString()
    application.stage = "deciding"
    this.scheduleDecision(application, this.settings().decisionDelayMs)
  }

  private incomeProofReceived(application: Application): void {
    application.incomeProofReceived = true
    application.stage = "deciding"
    application.decisionStatus = "pending"
    application.decisionMessages = [DECISION_MESSAGES.pending]
    this.scheduleDecision(application, this.settings().incomeProofReviewMs)
  }

  private scheduleDecision(application: Application, delayMs: number): void {
    const magic = magicFor(application.applicant.lastName)
    const delay = magic?.kind === "pending" ? magic.seconds * 1000 : delayMs
    const run = () => {
      if (application.stage !== "deciding") return
      if (magic?.kind === "changed_conditions" && !application.changedConditions) this.replaceApplication(application)
      else this.settleDecision(application, decide(application))
    }
    if (delay === 0) run()
    else this.timers.after(delay, run)
  }

  /**
   * Inbank altered the application: a new UUID carries the new conditions (partner API reference,
   * GET application: "the application data may be altered by Inbank systems during processing").
   * Here the period is what changes: six months longer, or shorter when that passes the product's longest.
   */
  private replaceApplication(original: Application): void {
    const { maxPeriod } = this.settings()
    const replacement: Application = {
      ...original,
      period: original.period + 6 <= maxPeriod ? original.period + 6 : original.period - 6,
      uuid: this.state.newUuid(),
      number: this.state.nextNumber(),
      previousUuid: original.uuid,
      changedConditions: true,
      attachments: [],
    }
    original.replacedBy = replacement.uuid
    original.stage = "cancelled"
    this.state.applications.set(replacement.uuid, replacement)
    this.settleDecision(replacement, decide(replacement))
  }

  private settleDecision(application: Application, status: DecisionStatus): void {
    application.decisionStatus = status
    application.decisionMessages = [DECISION_MESSAGES[status]]
    application.stage = status === "pending" ? "deciding" : "decided"
    const callback = DECISION_CALLBACK[status]
    if (callback) this.applicationCallback(application, "DECISION", callback)
  }

  private contractSigned(contract: Contract): void {
    contract.status = "signed"
    contract.signedAt = new Date().toISOString()
    this.contractCallback(contract, "SIGNED")
    if (this.settings().aisVerification) contract.processStatus = "waiting_for_customer_digital_verification"
    else this.verified(contract)
  }

  private verified(contract: Contract): void {
    if (this.settings().merchantApproval) {
      contract.processStatus = "waiting_for_partners_confirmation"
      this.contractCallback(contract, "ACTIVATION_REQUIRES_PARTNER_APPROVAL")
    } else {
      this.activateLater(contract)
    }
  }

  private activateLater(contract: Contract): void {
    contract.processStatus = "activation"
    const activate = () => {
      if (contract.status !== "signed") return
      contract.status = "activated"
      contract.processStatus = "activated"
      contract.activatedAt = new Date().toISOString()
      this.contractCallback(contract, "ACTIVATED")
    }
    const delay = this.settings().activationDelayMs
    if (delay === 0) activate()
    else this.timers.after(delay, activate)
  }

  private cancelled(contract: Contract): void {
    contract.status = "cancelled"
    contract.processStatus = "cancelled"
    this.contractCallback(contract, "CANCELLED")
  }

  private contractCallback(contract: Contract, status: string): void {
    this.applicationCallback(this.contractApplication(contract), "CONTRACT", status)
  }

  private applicationCallback(application: Application, type: "DECISION" | "CONTRACT", status: string): void {
    if (!application.callbackUrl) return
    this.callbacks.notify({ url: application.callbackUrl, type, status, creditApplicationUuid: application.uuid })
  }
}
