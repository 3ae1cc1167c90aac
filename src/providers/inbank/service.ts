import { AbstractPaymentProvider, MedusaError, PaymentActions } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { Contract, fetchState, GatedInbankClient, InbankError, toInbankAmount } from "inbank-partner-api"
import { createInbankClient, InbankOptions, parseInbankOptions, ResolvedInbankOptions } from "../../lib/plugin-options"
import { deriveState, DerivedState } from "../../lib/financing/derive-state"
import { FetchedState, toSnapshot } from "../../lib/financing/snapshot"
import { decideCancellation } from "../../lib/financing/cancellation"
import { isBoundSession } from "../../lib/financing/session-binding"
import { adoptApplicationUuid, InbankSessionData, readSessionData as readData } from "../../lib/financing/session-data"

/**
 * A cart completion Inbank could not serve for now: Medusa's completion route then answers 200 with
 * the cart and this error (its contract for payment failures the shopper can retry), not a 500.
 */
const AUTHORIZING = MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR
const INBANK_UNAVAILABLE = "Inbank chwilowo nie odpowiada. Spróbuj złożyć zamówienie ponownie za chwilę."

/** docs/inbank-api.md "Polling rules": a contract after signing at most once a second, for at most 15 seconds. */
const CONTRACT_POLL_INTERVAL_MS = 1_000
const CONTRACT_POLL_LIMIT_MS = 15_000

/**
 * With a contract, the derivation reads the contract alone (derive-state.ts): the application's fields are
 * placeholders.
 */
const CONTRACT_ONLY = { decisionStatus: "positive", applicationSigned: true, orderPlaced: false } as const

/**
 * The session's Inbank fields; a session with no application cannot be authorized, captured or cancelled.
 * @throws MedusaError INVALID_DATA when the session's data names no application.
 */
function readSessionData(data: Record<string, unknown> | undefined): InbankSessionData {
  const read = readData(data)
  if (!read) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The Inbank payment session has no application: submit the credit application first (POST /store/carts/:id/inbank/application)",
    )
  }
  return read
}

const PARTNER_PORTAL = "the Inbank Partner Portal (https://partner.inbank.pl)"

/**
 * Inbank instalments as a Medusa payment provider (`pp_inbank_inbank`).
 * authorize = accept the offer (creates the contract) and sign it; capture = merchant approval;
 * cancel = contract cancel, else application cancel. Every status comes from Inbank's answer.
 */
export class InbankProviderService extends AbstractPaymentProvider<InbankOptions> {
  static identifier = "inbank"

  protected readonly options_: ResolvedInbankOptions
  /** Shared with the module (createInbankClient): the same read gate. */
  protected readonly client_: GatedInbankClient
  protected readonly logger_: Logger

  /**
   * Checks the plugin's options when Medusa loads the provider (the same parsing as the module's).
   * @throws Error "Invalid options for the Inbank payment provider: …" naming each option missing or wrong.
   */
  static validateOptions(options: Record<string, unknown>): void {
    parseInbankOptions(options)
  }

  constructor(container: { logger: Logger }, options: InbankOptions) {
    super(container, options)
    this.options_ = parseInbankOptions(options)
    this.client_ = createInbankClient(this.options_)
    this.logger_ = container.logger
  }

  /**
   * The session is created by the store route once Inbank has the application: it carries its UUID. Asks
   * Inbank nothing.
   * @param input Medusa's amount (PLN, BigNumberInput) and currency, and the data the application route bound.
   * @returns the session id (the application UUID) and its data (InbankSessionData: identifiers and flags only).
   * @throws MedusaError INVALID_DATA for another currency than PLN or data naming no application;
   *   NOT_ALLOWED when the data's binding (session-binding.ts) does not match this application and amount.
   */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (input.currency_code?.toLowerCase() !== "pln") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Inbank instalments are offered in PLN only, not ${input.currency_code?.toUpperCase()}`,
      )
    }
    const data = readSessionData(input.data)
    if (!isBoundSession(this.options_.apiKey, input.data, toInbankAmount(input.amount))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "An Inbank payment session is created by POST /store/carts/:id/inbank/application, for that cart's own application and amount",
      )
    }
    return { id: data.application_uuid, data: { ...data } }
  }

  /**
   * Authorization is the shopper's signed contract. Medusa calls this when the cart is completed (and the
   * lifecycle workflow when Inbank's news says so); each step below runs only while Inbank is not there yet,
   * so calling it again is harmless:
   * 1. A contract this process read as signed or beyond after the last write or callback, within the last
   *    15 s, answers at once when it is authorized (waiting for the merchant) or captured (activated): no call.
   * 2. Otherwise the application and its contract are read (#6, #15, through the read gate).
   * 3. A positive decision without a contract is accepted (#10): Inbank creates the contract.
   * 4. An unsigned contract whose signing was not started yet is started (#13, `signingMethod`, by default
   *    `sms`: Inbank sends the shopper the SMS code). The code itself is confirmed by the store route, not here.
   * 5. While the contract is signed but still processing, it is read again once a second for at most 15
   *    seconds (docs/inbank-api.md "Polling rules"; the call can take that long).
   *
   * Endpoint numbers are those of docs/inbank-api.md "Endpoints"; the derivation is deriveState.
   * @param input the session's data (InbankSessionData: `application_uuid`, `contract_uuid`,
   *   `contract_signing_started`, ...); Medusa's amount is not used (the application's is Inbank's).
   * @returns Medusa's session status derived from Inbank's answer — `authorized` (signed, waiting for the
   *   merchant's approval), `captured` (activated), `requires_more` (sign the contract, or the shopper's bank
   *   verification), `pending` / `pending_authorization` (undecided, or still processing after the 15 s),
   *   `error` (declined) or `canceled` — and the session data with the UUIDs Inbank answered (a replaced
   *   application's new UUID, the contract's) and `contract_signing_started`.
   * @throws MedusaError INVALID_DATA when the data names no application; for an InbankError of any call,
   *   UNEXPECTED_STATE when it is retriable (the message says to try again) and NOT_ALLOWED otherwise, with
   *   Inbank's scrubbed message.
   */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    let data = readSessionData(input.data)
    // The contract read after the shopper's signature, with no news since: nothing to ask Inbank.
    const signed = data.contract_uuid ? this.signedContract(data.contract_uuid) : undefined
    if (signed) {
      const derived = deriveState({
        ...CONTRACT_ONLY,
        applicationSigningRequired: this.options_.applicationSigning,
        contract: signed,
      })
      // Authorized (awaiting merchant approval) or captured (activated): only Inbank or the merchant move
      // it on, and their news comes as callbacks. A bank verification waits on the shopper: read it.
      if (derived.sessionStatus === "authorized" || derived.sessionStatus === "captured")
        return { status: derived.sessionStatus, data: { ...data } }
    }
    let fetched = await this.fetch(data, AUTHORIZING)
    data = this.remember(data, fetched)

    if (!fetched.contract && fetched.application.creditApplication.decisionStatus === "positive") {
      // Accepting is safe to reach only once: the fetched application shows its contract after it.
      const { contract } = await this.call(() => this.client_.acceptApplication(data.application_uuid), AUTHORIZING)
      data = { ...data, contract_uuid: contract.uuid, contract_signing_started: false }
      // Accepting changes the contract only: read that, not the application again.
      fetched = { ...fetched, contract: await this.call(() => this.client_.getContract(contract.uuid), AUTHORIZING) }
    }

    if (fetched.contract?.contract.status === "unsigned" && !data.contract_signing_started) {
      // Starting the signing sends the SMS and leaves the contract unsigned: nothing to read again.
      await this.call(
        () => this.client_.startContractSigning(fetched.contract!.contract.uuid, this.options_.signingMethod),
        AUTHORIZING,
      )
      data = { ...data, contract_signing_started: true }
    }

    let derived = this.derive(fetched)
    const pollUntil = Date.now() + CONTRACT_POLL_LIMIT_MS
    while (derived.processing && Date.now() + CONTRACT_POLL_INTERVAL_MS <= pollUntil) {
      await new Promise((resolve) => setTimeout(resolve, CONTRACT_POLL_INTERVAL_MS))
      fetched = {
        ...fetched,
        contract: await this.call(() => this.client_.getContract(fetched.contract!.contract.uuid), AUTHORIZING),
      }
      derived = this.derive(fetched)
    }
    return { status: derived.sessionStatus, data: { ...data } }
  }

  /**
   * Merchant approval (docs/inbank-api.md "Endpoints" #16, "Flows" 2). A contract Inbank already activated
   * counts as captured.
   * @returns the session data refreshed with the UUIDs Inbank answered.
   * @throws MedusaError NOT_ALLOWED when there is no contract yet or it is not waiting for the merchant; Inbank's
   *   errors as in authorizePayment (UNEXPECTED_STATE when retriable, else NOT_ALLOWED).
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = readSessionData(input.data)
    const fetched = await this.fetch(data)
    const contract = fetched.contract?.contract
    if (!contract) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The Inbank application has no contract yet: there is nothing to approve",
      )
    }
    if (contract.status !== "activated") {
      if (this.derive(fetched).sessionStatus !== "authorized") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The Inbank contract is ${contract.status} and not waiting for your approval`,
        )
      }
      await this.call(() => this.client_.approveContract(contract.uuid))
    }
    return { data: { ...this.remember(data, fetched) } }
  }

  /**
   * Ends the financing at Inbank by the one rule every path follows (decideCancellation): cancels the contract
   * (#17) while it is unsigned or signed, else the open application (#11); nothing when both are already over.
   * @returns the session data refreshed with the UUIDs Inbank answered.
   * @throws MedusaError NOT_ALLOWED for an activated contract (it is cancelled in the Partner Portal); Inbank's
   *   errors as in authorizePayment.
   */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = readSessionData(input.data)
    const fetched = await this.fetch(data)
    const cancellation = decideCancellation(fetched)
    if (cancellation.action === "refuse_activated") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The Inbank contract ${cancellation.contractNumber ?? cancellation.contractUuid} is activated (financed) and cannot be cancelled through the API: cancel it in ${PARTNER_PORTAL}`,
      )
    }
    if (cancellation.action === "cancel_contract")
      await this.call(() => this.client_.cancelContract(cancellation.contractUuid))
    if (cancellation.action === "cancel_application")
      await this.call(() => this.client_.cancelApplication(cancellation.applicationUuid))
    return { data: { ...this.remember(data, fetched) } }
  }

  /**
   * Inbank's Partner API has no refunds (docs/inbank-api.md "Endpoints").
   * @throws MedusaError NOT_ALLOWED, always, pointing to the Partner Portal.
   */
  async refundPayment(): Promise<RefundPaymentOutput> {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Inbank's Partner API has no refunds: return or reduce a financed purchase in ${PARTNER_PORTAL}`,
    )
  }

  /**
   * Medusa deletes a session when the cart changes, the shopper applies again or pays another way:
   * no order will use its credit, so the contract (even signed), else the open application, is
   * cancelled by the one rule (decideCancellation); an activated contract cannot be. Best effort: a
   * failure must not block the shopper's cart; the reconciliation job cancels it later
   * (decideLifecycle: `cancel_financing` once the session is gone). Never throws; returns the data unchanged.
   */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const uuid = input.data?.application_uuid
    if (typeof uuid !== "string" || !uuid) return { data: input.data }
    try {
      const contractUuid = typeof input.data?.contract_uuid === "string" ? input.data.contract_uuid : undefined
      const cancellation = decideCancellation(await fetchState(this.client_, uuid, contractUuid))
      if (cancellation.action === "cancel_contract") await this.client_.cancelContract(cancellation.contractUuid)
      if (cancellation.action === "cancel_application")
        await this.client_.cancelApplication(cancellation.applicationUuid)
    } catch (error) {
      this.logger_.warn(
        `Inbank: could not cancel application ${uuid} of a deleted payment session: ${(error as Error).message}`,
      )
    }
    return { data: input.data }
  }

  /**
   * The session status derived from Inbank's answer now (#6, #15 through the read gate), with the data refreshed.
   * @throws MedusaError as authorizePayment (no application; Inbank's errors).
   */
  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = readSessionData(input.data)
    const fetched = await this.fetch(data)
    return { status: this.derive(fetched).sessionStatus, data: { ...this.remember(data, fetched) } }
  }

  /**
   * The session data refreshed from Inbank (the current application UUID, number and contract UUID).
   * @throws MedusaError as authorizePayment (no application; Inbank's errors).
   */
  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = readSessionData(input.data)
    return { data: { ...this.remember(data, await this.fetch(data)) } }
  }

  /** The amount is the application's: a changed amount needs a new application, not an update. Data unchanged. */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: input.data }
  }

  /**
   * Inbank's callbacks are form-encoded and HMAC-signed: they go to `/hooks/inbank`, not core's webhook route.
   * Always `not_supported`.
   */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  /**
   * The contract as this process last read it, if that read was signed or beyond, came after the
   * last write and callback about it, and is at most CONTRACT_POLL_LIMIT_MS old (the vendor's polling
   * window after signing, within which the read after the signature answers for it).
   */
  private signedContract(
    contractUuid: string,
  ): { status: Contract["contract"]["status"]; processStatus: string | null } | undefined {
    const contract = this.client_.recentContract(contractUuid, CONTRACT_POLL_LIMIT_MS)
    if (!contract || contract.contract.status === "unsigned") return undefined
    return {
      status: contract.contract.status,
      processStatus: contract.processStatus ?? contract.contract.processStatus ?? null,
    }
  }

  private async fetch(data: InbankSessionData, retriable?: string): Promise<FetchedState> {
    return this.call(() => fetchState(this.client_, data.application_uuid, data.contract_uuid), retriable)
  }

  private derive(fetched: FetchedState): DerivedState {
    return deriveState(
      toSnapshot(fetched, { applicationSigningRequired: this.options_.applicationSigning, orderPlaced: false }),
    )
  }

  private remember(data: InbankSessionData, fetched: FetchedState): InbankSessionData {
    const adopted = adoptApplicationUuid(data, fetched.application.creditApplication.uuid)
    return {
      ...adopted,
      application_number: fetched.application.creditApplication.number ?? adopted.application_number,
      contract_uuid: fetched.contract?.contract.uuid ?? adopted.contract_uuid,
    }
  }

  /**
   * Runs an Inbank call; its InbankError becomes a MedusaError the admin and storefront can show:
   * NOT_ALLOWED (400) when repeating cannot help, else of type `retriable` (UNEXPECTED_STATE, or
   * PAYMENT_AUTHORIZATION_ERROR while authorizing) with a "try again" message.
   */
  private async call<T>(run: () => Promise<T>, retriable: string = MedusaError.Types.UNEXPECTED_STATE): Promise<T> {
    try {
      return await run()
    } catch (error) {
      if (!(error instanceof InbankError)) throw error
      if (!error.retriable) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, error.message)
      throw new MedusaError(
        retriable,
        retriable === AUTHORIZING ? INBANK_UNAVAILABLE : `${error.message}. Try again in a moment.`,
      )
    }
  }
}
