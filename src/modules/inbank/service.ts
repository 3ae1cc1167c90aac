import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import { LRUCache } from "lru-cache"
import {
  ApplicationInput,
  AttachmentFile,
  BankList,
  CallbackFields,
  CallbackVerification,
  Calculation,
  CreatedApplication,
  GatedInbankClient,
  InbankError,
  Printout,
  Retrieval,
  RetrievalInput,
  verifyCallback,
} from "inbank-partner-api"
import { Cancellation, decideCancellation } from "../../lib/financing/cancellation"
import { createInbankClient, InbankOptions, parseInbankOptions, ResolvedInbankOptions } from "../../lib/plugin-options"
import { fetchState, FetchedState } from "inbank-partner-api"
import type { ContractStatus } from "inbank-partner-api"
import type { DerivedState } from "../../lib/financing/derive-state"
import { BadgeColor, staffState, StaffState } from "../../lib/financing/staff-state"
import { BoundFields, sessionBinding } from "../../lib/financing/session-binding"
import type { OfferRange } from "../../lib/financing/offered-periods"
import { InbankApplication } from "./models/inbank-application"
import { InbankCallback } from "./models/inbank-callback"
import { queuePage, QueuePageQuery } from "./queue-table"
import {
  newestCartRecord,
  recordByApplicationUuid,
  recordsDue,
  RecordUpdate,
  setCheckAfter,
  updateRecord,
} from "./record-table"
import { releaseCodeSend, releaseCodeTry, reserveCodeSend, reserveCodeTry } from "./sms-table"
import { recordCallback } from "./callback-recorder"
import { claimCallback, ClaimedCallback, findApplicationId, finishCallback, VerifiedCallback } from "./callback-table"
import {
  contractUpdateFrom,
  deriveRecordState,
  InbankApplicationRecord,
  RecordWithContract,
  recordUpdateFrom,
  worthPolling,
} from "../../lib/financing/record-state"
import { identityKey, ipKey, phoneKey } from "./limit-keys"
import { InbankSettings, settingsOf } from "./settings"

export type { InbankSettings }

/**
 * Vendor: at most one poll a second per application (partner API reference, GET application). Inbank
 * itself is read through the client's gate (inbank-partner-api's gated-client.ts); this caches the record
 * refreshed from it, so that pollers within the second cost neither a read nor a write.
 */
const REFRESH_INTERVAL_MS = 1_000
const PRODUCTS_CACHE_MS = 10 * 60_000
const CALCULATIONS_CACHE_MS = 10 * 60_000
/** A contract document's link, kept while the shopper reads and signs (every regeneration gives a new link). */
const CONTRACT_DOCUMENT_CACHE_MS = 30 * 60_000
/** After Inbank fails to give a contract's printout, how long the shopper's polling waits before asking again. */
const CONTRACT_DOCUMENT_RETRY_MS = 15_000

export type { OfferRange }

/**
 * The plugin's records, and the Inbank client built from the plugin's options (Medusa passes a
 * plugin's options to the modules it ships), for routes and workflows. The API key stays in here:
 * whatever is keyed by it (callback signatures, session bindings, rate-limit keys) is a method.
 */
export default class InbankModuleService extends MedusaService({ InbankApplication, InbankCallback }) {
  private readonly options: ResolvedInbankOptions
  /** The plugin's options without the API key, frozen: the policy values routes, workflows and jobs read. */
  readonly settings: InbankSettings
  /**
   * Shared with the payment provider (createInbankClient): one read gate for every GET of an application or
   * contract.
   */
  private readonly client: GatedInbankClient
  private readonly knex: Knex
  /** One Inbank call per application per second, shared by every request that arrives meanwhile. */
  private readonly refreshes: LRUCache<string, InbankApplicationRecord>
  /**
   * Reads after a refusal under way, by record id (refreshAfterRefusal). A code that signs supersedes the
   * record's read: it is no longer shared, and its answer, older than the signature, is not stored.
   */
  private readonly refusalReads = new Map<string, { read: Promise<InbankApplicationRecord>; superseded: boolean }>()
  /** SMS-code confirmations under way, by record id: a refusal is judged after they settle (refreshAfterRefusal). */
  private readonly confirmations = new Map<string, Set<Promise<unknown>>>()
  private readonly products: LRUCache<"products", OfferRange>
  /** Instalment calculations for product pages, by "amount:period"; identical concurrent requests share one call. */
  private readonly calculations: LRUCache<string, Calculation>
  /**
   * The shopper's contract document link by contract UUID: one printout generated per contract, not one per state
   * read.
   */
  private readonly contractDocuments: LRUCache<string, Printout>
  /** The last failure to get a contract's printout, by contract UUID, kept CONTRACT_DOCUMENT_RETRY_MS. */
  private readonly contractDocumentFailures = new LRUCache<string, InbankError>({
    max: 10_000,
    ttl: CONTRACT_DOCUMENT_RETRY_MS,
  })

  constructor(container: Record<string, unknown>, options: InbankOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.knex = container[ContainerRegistrationKeys.PG_CONNECTION] as Knex
    this.options = parseInbankOptions(options)
    this.settings = settingsOf(this.options)
    this.client = createInbankClient(this.options)
    this.refreshes = new LRUCache<string, InbankApplicationRecord>({
      max: 10_000,
      ttl: REFRESH_INTERVAL_MS,
      fetchMethod: async (id) => this.load(id),
    })
    this.products = new LRUCache<"products", OfferRange>({
      max: 1,
      ttl: PRODUCTS_CACHE_MS,
      fetchMethod: async () => this.loadRange(),
    })
    this.calculations = new LRUCache<string, Calculation>({
      max: 5_000,
      ttl: CALCULATIONS_CACHE_MS,
      fetchMethod: async (key) => {
        const [amount, period] = key.split(":")
        return this.client.createCalculation({ productCode: this.options.productCode, amount, period: Number(period) })
      },
    })
    this.contractDocuments = new LRUCache<string, Printout>({
      max: 10_000,
      ttl: CONTRACT_DOCUMENT_CACHE_MS,
      // The printout Inbank has, not a regenerated one: regenerating would void a link staff or the shopper opened.
      fetchMethod: async (contractUuid) => this.client.getContractPrintout(contractUuid, { forceRegeneration: false }),
    })
  }

  /** Inbank's preliminary calculation (docs/inbank-api.md, endpoint 1), cached ten minutes. */
  async calculate(amount: string, period: number): Promise<Calculation> {
    return (await this.calculations.fetch(`${amount}:${period}`))!
  }

  /** Whether a fresh calculation for the amount and period is cached: `calculate` would not call Inbank. */
  hasCalculation(amount: string, period: number): boolean {
    return this.calculations.has(`${amount}:${period}`)
  }

  /**
   * Where Inbank may be offered (docs/inbank-api.md "Price range"): the options' range and periods, and for
   * what they leave open the shop's product from Inbank's GET /products, cached for ten minutes.
   */
  async offerRange(): Promise<OfferRange> {
    const { minAmount, maxAmount, periods } = this.options
    if (minAmount && maxAmount && periods) return { minAmount, maxAmount, periods, minPeriod: null, maxPeriod: null }
    return (await this.products.fetch("products"))!
  }

  private async loadRange(): Promise<OfferRange> {
    const { products } = await this.client.listProducts()
    const product = products.find((p) => p.code === this.options.productCode)
    return {
      minAmount: this.options.minAmount ?? product?.minAmount ?? null,
      maxAmount: this.options.maxAmount ?? product?.maxAmount ?? null,
      periods: this.options.periods ?? null,
      minPeriod: product?.minPeriod ?? null,
      maxPeriod: product?.maxPeriod ?? null,
    }
  }

  /**
   * The record's last known Inbank state through the one derivation (record-state.ts), under the
   * shop's `applicationSigning` option. Reads nothing, never throws.
   * @param record the application's record as stored or just refreshed.
   * @param context what Medusa knows of the record's cart.
   * @param context.orderPlaced whether Medusa has placed the order its cart became: then the
   *   storefront's next action after a signed or activated contract is `done`, not `complete_cart`.
   * @returns Medusa's payment session status, the storefront's `next_action`, `final` and `processing`.
   */
  stateOf(record: InbankApplicationRecord, context: { orderPlaced: boolean }): DerivedState {
    return deriveRecordState(record, {
      applicationSigningRequired: this.options.applicationSigning,
      orderPlaced: context.orderPlaced,
    })
  }

  /**
   * The state staff see for the record and its badge colour (staff-state.ts), from its last known
   * Inbank state; with `order.canceled`, the states of a financing whose order Medusa cancelled.
   * Reads nothing, never throws.
   */
  staffStateOf(
    record: InbankApplicationRecord,
    order?: { canceled: boolean },
  ): { state: StaffState; color: BadgeColor } {
    const derived = this.stateOf(record, { orderPlaced: Boolean(record.order_id) })
    return staffState(derived, record.contract_status as ContractStatus | null, order)
  }

  /**
   * What the `staff_state` column holds: staffStateOf without the order's cancellation (the record does not
   * know it).
   */
  private readonly storedStaffState = (record: InbankApplicationRecord): StaffState => this.staffStateOf(record).state

  /**
   * One page of the staff queue, filtered and ordered in SQL (queue-table.ts): contracts awaiting
   * approval first, then the newest; `count` is how many match in all.
   */
  async listQueue(page: QueuePageQuery): Promise<{ records: InbankApplicationRecord[]; count: number }> {
    return queuePage(this.knex, page)
  }

  /**
   * Checks an Inbank callback's signature (direct API guide, "Callback authenticity validation": hex
   * HMAC-SHA512 keyed by the API key over `timestamp + "." + message`) and that its timestamp is
   * within the `callbackToleranceSeconds` option of now.
   * @param fields the form's fields as parseCallbackForm split them (`message` decoded and raw, `timestamp`, `hmac`).
   * @returns `{ ok: true, timestampMs }` (the signed time, Unix milliseconds), or `{ ok: false, reason }`
   *   with reason `malformed`, `bad_signature` or `stale`. Never throws.
   */
  verifyCallback(fields: CallbackFields): CallbackVerification {
    return verifyCallback(fields, this.options.apiKey, { toleranceSeconds: this.options.callbackToleranceSeconds })
  }

  /**
   * The binding (hex HMAC-SHA256, 64 characters, keyed by a key derived from the API key) the payment
   * session's data carries, which the payment provider's initiatePayment checks (session-binding.ts):
   * Medusa lets the storefront create sessions with data of its choosing, and this one is for one
   * application, one payment collection and one amount. Never throws.
   * @param fields the application UUID, the payment collection's id and the amount.
   * @param fields.amount PLN with two decimals, as Inbank has it (toInbankAmount).
   */
  bindSession(fields: BoundFields): string {
    return sessionBinding(this.options.apiKey, fields)
  }

  /**
   * The applicant's rate-limit keys, stored on the record (`phone_hash`, `identity_hash`) and counted
   * by the per-phone and per-identity limits: keyed hashes (HMAC-SHA256, hex), never the values.
   * @param applicant the applicant's phone and PESEL as the form validated them.
   * @param applicant.mobile a Polish mobile, as the form normalises it (`+48` and nine digits; other spellings
   *   give the same key).
   * @param applicant.identity_code the PESEL (eleven digits, validated by the form). Never throws.
   */
  personKeys(applicant: { mobile: string; identity_code: string }): { phone_hash: string; identity_hash: string } {
    return {
      phone_hash: phoneKey(this.options.apiKey, applicant.mobile),
      identity_hash: identityKey(this.options.apiKey, applicant.identity_code),
    }
  }

  /**
   * The per-IP rate-limit key of a request's client address (a keyed hash; IPv6 counted by its /64),
   * or null when Medusa gives no address or the `rateLimits.exemptIps` option names it.
   * @param ip Medusa's `req.ip`: Medusa sets Express's `trust proxy` to 1, so behind one reverse proxy
   *   it is the client's address from `X-Forwarded-For`. Never throws.
   */
  addressKey(ip: string | undefined): string | null {
    return ipKey(this.options.apiKey, ip, this.options.rateLimits.exemptIps)
  }

  /**
   * The consent types of the `requiredConsents` option the applicant has not accepted (given with
   * `value: false`, or not given), in the option's order; empty when all are. Never throws.
   */
  missingConsents(consents: readonly { type: string; value: boolean }[]): string[] {
    return this.options.requiredConsents.filter(
      (type) => !consents.some((consent) => consent.type === type && consent.value),
    )
  }

  /**
   * Where Inbank sends this store's callbacks, an application's `partner_urls.callback_url` (partner
   * API reference, "Callbacks"; 3. POST /applications): `<backendUrl>/hooks/inbank`, or undefined
   * without the `backendUrl` option (Inbank then sends none). Never throws.
   */
  callbackUrl(): string | undefined {
    return this.options.backendUrl && `${this.options.backendUrl.replace(/\/+$/, "")}/hooks/inbank`
  }

  /**
   * The record, refreshed from Inbank when the vendor's polling rules allow it (docs/inbank-api.md "Polling
   * rules"; worthPolling), else as it is; concurrent callers within the second share one read.
   * @param orderPlaced whether the cart is already an order (changes what is worth polling).
   * @throws InbankError when the read fails (the stored record is left as it was).
   */
  async refresh(record: InbankApplicationRecord, orderPlaced: boolean): Promise<InbankApplicationRecord> {
    if (!worthPolling(record, this.stateOf(record, { orderPlaced }))) return record
    return (await this.refreshes.fetch(record.id)) ?? record
  }

  /** The cart's newest application record, if it has one. */
  async newestCartRecord(cartId: string): Promise<InbankApplicationRecord | undefined> {
    return newestCartRecord(this.knex, cartId)
  }

  /** The record of an application by its current or a replaced UUID, if the store has one. */
  async recordForApplication(applicationUuid: string): Promise<InbankApplicationRecord | undefined> {
    return recordByApplicationUuid(this.knex, applicationUuid)
  }

  /**
   * Up to `limit` records the reconciliation job must read by `asOf` (their `check_after` is due),
   * earliest first, without the ids in `seen`: the job pages through them with it.
   */
  async recordsDueForReconciliation(
    asOf: Date,
    limit: number,
    seen: string[] = [],
  ): Promise<InbankApplicationRecord[]> {
    return recordsDue(this.knex, asOf, limit, seen)
  }

  /** When the reconciliation job reads the record next (nextReconciliation), or null for never. */
  async scheduleReconciliation(recordId: string, at: Date | null): Promise<void> {
    await setCheckAfter(this.knex, recordId, at)
  }

  /**
   * Writes what Inbank or the shopper's step established (see record-table.ts for why not the generated update).
   * @param base the record as the caller last read it, when it has it: the staff state then goes in the same
   *   statement (no second UPDATE).
   * @returns the record as written, which the next refresh within the second answers with.
   * @throws Error when the record does not exist (updateRecord).
   */
  async saveRecord(update: RecordUpdate, base?: InbankApplicationRecord): Promise<InbankApplicationRecord> {
    const saved = await updateRecord(this.knex, update, this.storedStaffState, base)
    // What this process just wrote is what its next refresh within the second must answer.
    this.refreshes.set(saved.id, saved)
    return saved
  }

  /**
   * Fetch and store now, after an action of ours changed the state at Inbank (the record as just read, or its id).
   * @throws InbankError when the read fails; MedusaError NOT_FOUND for an id the store does not have.
   */
  async refreshNow(recordOrId: InbankApplicationRecord | string): Promise<InbankApplicationRecord> {
    const record = await this.load(recordOrId)
    this.refreshes.set(record.id, record)
    return record
  }

  /**
   * Stores a read of Inbank started before the record existed (the first read after the application,
   * made while the store records it), with the caller's own fields in the same write.
   */
  async saveFetched(
    record: InbankApplicationRecord,
    fetched: FetchedState,
    fields: Omit<RecordUpdate, "id">,
  ): Promise<InbankApplicationRecord> {
    return this.saveRecord({ ...recordUpdateFrom(record, fetched), ...fields }, record)
  }

  /** After an action on the contract alone (its signature): only the contract is read again (through the gate). */
  async refreshContractNow(record: RecordWithContract): Promise<InbankApplicationRecord> {
    this.client.link(record.application_uuid, record.contract_uuid)
    const contract = await this.client.getContract(record.contract_uuid)
    return this.saveRecord({ id: record.id, ...contractUpdateFrom(contract), synced_at: new Date() }, record)
  }

  /**
   * A callback about the application (UUID as Inbank sent it) was received at `receivedAt`: the next
   * read of the application, of the other UUIDs our record knows it by, and of its contract goes to
   * Inbank at once unless sent after `receivedAt` (direct API guide, callbacks: "fetch the current
   * state over the API before acting"). One indexed lookup of our record; throws only its errors.
   */
  async noteCallback(applicationUuid: string, receivedAt: Date): Promise<void> {
    const record = await recordByApplicationUuid(this.knex, applicationUuid)
    const applicationUuids = [applicationUuid, record?.application_uuid, ...(record?.previous_uuids.uuids ?? [])]
    this.client.noteNews({ applicationUuids, contractUuid: record?.contract_uuid }, new Date(receivedAt).getTime())
  }

  /**
   * The record read from Inbank and stored; with `store` answering false once Inbank answered, the
   * record as read, not stored (a newer write must not be overwritten by this older answer).
   */
  private async load(
    recordOrId: InbankApplicationRecord | string,
    store: () => boolean = () => true,
  ): Promise<InbankApplicationRecord> {
    const record =
      typeof recordOrId === "string"
        ? ((await this.retrieveInbankApplication(recordOrId)) as unknown as InbankApplicationRecord)
        : recordOrId
    if (record.contract_uuid) this.client.link(record.application_uuid, record.contract_uuid)
    // Through the client's gate: a read within the second after another one reuses its answer.
    const fetched = await fetchState(this.client, record.application_uuid, record.contract_uuid)
    const update = recordUpdateFrom(record, fetched)
    if (!store()) return { ...record, ...update }
    // Not saveRecord: this is also the cache's own fetch, which stores what it returns.
    return updateRecord(this.knex, update, this.storedStaffState, record)
  }

  // The intentions below are the only way routes, workflows and subscribers reach Inbank. Each throws
  // InbankError as the client does (`status`, `retriable`, Inbank's message; no key, no personal data).
  // Endpoint numbers (#n) are those of docs/inbank-api.md "Endpoints".

  /**
   * Submits a credit application (#3 POST /applications).
   * @returns the created application (`uuid`, `number`, the first `decisionStatus`; amounts PLN decimal strings).
   * @throws InbankError: 422 for data Inbank refuses, 401/403 for a wrong key, network errors `retriable`.
   */
  async submitApplication(input: ApplicationInput): Promise<CreatedApplication> {
    return this.client.createApplication(input)
  }

  /**
   * Cancels an application Inbank has and the store could not keep (#11 POST /applications/:uuid/cancel).
   * @throws InbankError, e.g. 404 for an application Inbank does not know, 422 once it is past cancelling.
   */
  async withdrawApplication(applicationUuid: string): Promise<void> {
    await this.client.cancelApplication(applicationUuid)
  }

  /**
   * The application (followed to its replacement after changed conditions, docs/inbank-api.md "Statuses") and
   * its contract, as Inbank answers now (#6 and #15, through the read gate: docs/inbank-api.md "Polling rules").
   * @param contractUuid the contract to read too, when the record knows one.
   * @throws InbankError from either read (404 for an unknown application).
   */
  async readInbank(applicationUuid: string, contractUuid?: string | null): Promise<FetchedState> {
    return fetchState(this.client, applicationUuid, contractUuid)
  }

  /**
   * The UUID an application replaced (changed conditions, #6 `previous_uuid`), for news about an application
   * the store knows under its old UUID; null when it replaced none or Inbank does not know it (404).
   * @throws InbankError for any other refusal or network failure.
   */
  async replacedApplicationUuid(applicationUuid: string): Promise<string | null> {
    try {
      return (await this.client.getApplication(applicationUuid)).creditApplication.previousUuid ?? null
    } catch (error) {
      if (error instanceof InbankError && error.status === 404) return null
      throw error
    }
  }

  /**
   * Accepts the offer (#10 POST /applications/:uuid/accept), which creates the contract.
   * @returns the new contract's UUID.
   * @throws InbankError, e.g. 422 when the offer is no longer valid or the decision is not positive.
   */
  async acceptOffer(applicationUuid: string): Promise<{ contractUuid: string }> {
    const { contract } = await this.client.acceptApplication(applicationUuid)
    return { contractUuid: contract.uuid }
  }

  /**
   * Sends the shopper the SMS code that signs the application (#4) or the contract (#13), method `sms`.
   * @throws InbankError, 503 when Inbank's SMS service is down (`retriable`).
   */
  async startSigning(subject: "application" | "contract", uuid: string): Promise<void> {
    if (subject === "application") await this.client.startApplicationSigning(uuid, "sms")
    else await this.client.startContractSigning(uuid, "sms")
  }

  /**
   * Confirms the shopper's SMS code for the application (#5) or the contract (#14) of the record `recordId`.
   * While under way it is one of the record's confirmations a refusal waits for; once it signs, no read
   * requested before judges a later refusal (refreshAfterRefusal).
   * @param code the code as the shopper typed it.
   * @throws InbankError 422 for a wrong or expired code, other statuses as the client.
   */
  async confirmSigning(
    recordId: string,
    subject: "application" | "contract",
    uuid: string,
    code: string,
  ): Promise<void> {
    const call =
      subject === "application"
        ? this.client.confirmApplicationSigning(uuid, code)
        : this.client.confirmContractSigning(uuid, code)
    let pending = this.confirmations.get(recordId)
    if (!pending) this.confirmations.set(recordId, (pending = new Set()))
    pending.add(call)
    try {
      await call
      const refusalRead = this.refusalReads.get(recordId)
      if (refusalRead) refusalRead.superseded = true
      this.refusalReads.delete(recordId)
    } finally {
      pending.delete(call)
      if (!pending.size && this.confirmations.get(recordId) === pending) this.confirmations.delete(recordId)
    }
  }

  /**
   * Banks the shopper can verify their account or income with (#7; docs/inbank-api.md "Flows" 1 and 3).
   * @throws InbankError.
   */
  async listBanks(applicationUuid: string): Promise<BankList> {
    return this.client.listBanks(applicationUuid)
  }

  /**
   * Starts the bank step (#8); the shopper goes to the answer's `redirectUrl`.
   * @returns `{ retrievalId, redirectUrl }`.
   * @throws InbankError.
   */
  async startBankVerification(input: RetrievalInput): Promise<Retrieval> {
    return this.client.initiateRetrieval(input)
  }

  /**
   * Forwards income proof documents (#9, multipart, `type=income_proof_document`); they are not kept here.
   * @param files the uploaded files (contents and MIME types; names never logged).
   * @throws InbankError, e.g. 422 for a file type Inbank refuses.
   */
  async uploadIncomeProof(applicationUuid: string, files: AttachmentFile[]): Promise<void> {
    await this.client.uploadAttachments(applicationUuid, { files, description: "Potwierdzenie dochodów" })
  }

  /**
   * A freshly generated contract printout (#12, `force_regeneration=true`).
   * @returns `{ uuid, link }`: a link to the document at Inbank.
   * @throws InbankError, 404 before the contract exists.
   */
  async contractPrintout(contractUuid: string): Promise<Printout> {
    return this.client.getContractPrintout(contractUuid, { forceRegeneration: true })
  }

  /**
   * The contract document the shopper reads before signing (direct API guide, "the customer accepts the
   * credit offer and has reviewed the contract" before POST /contracts/:uuid/signings): a printout
   * asked once per contract (the one Inbank has, not regenerated) and its link kept 30 minutes, so the
   * shopper's polling neither calls Inbank again nor replaces a link already opened. Throws InbankError as
   * the printout endpoint does; after a failure, the same error for CONTRACT_DOCUMENT_RETRY_MS without asking
   * Inbank again (the state is polled every few seconds).
   */
  async contractDocument(contractUuid: string): Promise<Printout> {
    const failure = this.contractDocumentFailures.get(contractUuid)
    if (failure) throw failure
    try {
      return (await this.contractDocuments.fetch(contractUuid))!
    } catch (error) {
      if (error instanceof InbankError) this.contractDocumentFailures.set(contractUuid, error)
      throw error
    }
  }

  /**
   * Reserves a new SMS code for the record before Inbank is asked to send it (sms-table.ts): refused while
   * the last code is younger than `smsResendSeconds` and not void, whichever request or tab sent it.
   * @returns the record as reserved (its code sent now, all tries left) and a `release` to call when Inbank
   *   does not send the code; null when a recent code stands. Throws only the database's errors.
   */
  async reserveCodeSend(
    recordId: string,
  ): Promise<{ record: InbankApplicationRecord; release: () => Promise<void> } | null> {
    const now = new Date()
    const notBefore = new Date(now.getTime() - this.settings.smsResendSeconds * 1000)
    const reserved = await reserveCodeSend(this.knex, recordId, now, notBefore)
    if (!reserved) return null
    this.refreshes.set(recordId, reserved.record)
    return {
      record: reserved.record,
      release: () => this.afterRelease(recordId, releaseCodeSend(this.knex, recordId, now, reserved.before)),
    }
  }

  /**
   * Reserves one try of the record's current SMS code before Inbank sees it (sms-table.ts): counted as
   * wrong unless the caller gives it back, so concurrent guesses reach Inbank MAX_CODE_ATTEMPTS times at most.
   * @returns the record with the try counted and a `release` for a try Inbank did not judge; null when the
   *   code is void. Throws only the database's errors.
   */
  async reserveCodeTry(
    recordId: string,
  ): Promise<{ record: InbankApplicationRecord; release: () => Promise<void> } | null> {
    const record = await reserveCodeTry(this.knex, recordId)
    if (!record) return null
    this.refreshes.set(recordId, record)
    return {
      record,
      release: () => this.afterRelease(recordId, releaseCodeTry(this.knex, recordId, record.sms_sent_at)),
    }
  }

  /** A reservation given back: the next refresh within the second answers the record as restored, not as reserved. */
  private async afterRelease(recordId: string, released: Promise<InbankApplicationRecord | undefined>): Promise<void> {
    const record = await released
    if (record) this.refreshes.set(recordId, record)
    else this.refreshes.delete(recordId)
  }

  /**
   * The record read again after Inbank refused an SMS code of ours (422), the read shared by concurrent refusals
   * about the same record: a refusal changed nothing at Inbank, so a read already under way answers them all
   * (several wrong SMS codes typed at once). A code that signed did change it: the record's confirmations
   * still under way are waited for first, and a read requested before one of them signed is not shared
   * (confirmSigning drops it), so a refusal that came after the signature is judged by a read after it.
   * Throws as refreshNow.
   */
  async refreshAfterRefusal(recordId: string): Promise<InbankApplicationRecord> {
    await this.confirmationsSettled(recordId)
    const shared = this.refusalReads.get(recordId)
    if (shared) return shared.read
    const entry = { superseded: false } as { read: Promise<InbankApplicationRecord>; superseded: boolean }
    entry.read = this.readAfterRefusal(recordId, entry).finally(() => {
      if (this.refusalReads.get(recordId) === entry) this.refusalReads.delete(recordId)
    })
    this.refusalReads.set(recordId, entry)
    return entry.read
  }

  private async readAfterRefusal(recordId: string, entry: { superseded: boolean }): Promise<InbankApplicationRecord> {
    const record = (await this.retrieveInbankApplication(recordId)) as unknown as InbankApplicationRecord
    // A code sent while the record was looked up: Inbank is read after its answer.
    await this.confirmationsSettled(recordId)
    const read = await this.load(record, () => !entry.superseded)
    if (!entry.superseded) this.refreshes.set(read.id, read)
    return read
  }

  /** Once the record's SMS-code confirmations under way have their answers (whatever they are). */
  private async confirmationsSettled(recordId: string): Promise<void> {
    const pending = this.confirmations.get(recordId)
    if (pending) await Promise.allSettled([...pending])
  }

  /**
   * Ends the record's financing at Inbank by the one rule (decideCancellation) and stores what Inbank
   * says afterwards (#17 or #11). `refuse_activated` is returned, not acted on: the caller decides what to tell
   * (an activated contract cannot be cancelled through the API, docs/inbank-api.md "Statuses").
   * @returns the decision taken and the record as stored afterwards.
   * @throws InbankError from the reads or the cancellation; the record is then left as it was.
   */
  async cancelFinancing(
    record: InbankApplicationRecord,
  ): Promise<{ cancellation: Cancellation; record: InbankApplicationRecord }> {
    const fetched = await this.readInbank(record.application_uuid, record.contract_uuid)
    const cancellation = decideCancellation(fetched)
    if (cancellation.action === "cancel_contract") await this.client.cancelContract(cancellation.contractUuid)
    if (cancellation.action === "cancel_application") await this.client.cancelApplication(cancellation.applicationUuid)
    const acted = cancellation.action === "cancel_contract" || cancellation.action === "cancel_application"
    // Nothing to cancel may mean another path just cancelled it: what was read is stored either way.
    return {
      cancellation,
      record: acted ? await this.refreshNow(record.id) : await this.saveFetched(record, fetched, {}),
    }
  }

  /**
   * Records a verified callback once (callback-recorder.ts: shared statements under load; the unique
   * (application, type, status, signed timestamp) is the exactly-once gate): its id, or null for a duplicate.
   */
  async recordCallback(callback: VerifiedCallback): Promise<string | null> {
    return recordCallback(this.knex, callback)
  }

  /** Counts an attempt at a recorded callback not processed yet; null when it is processed (or gone). */
  async claimCallback(callbackId: string): Promise<ClaimedCallback | null> {
    return claimCallback(this.knex, callbackId)
  }

  /** Stores what processing a callback did; `processed` false leaves it to the reconciliation job. */
  async finishCallback(callbackId: string, outcome: string, processed: boolean): Promise<void> {
    return finishCallback(this.knex, callbackId, outcome, processed)
  }

  /** The record id of an application by its current UUID, if the store has one (one indexed SELECT). */
  async applicationRecordId(applicationUuid: string): Promise<string | null> {
    return findApplicationId(this.knex, applicationUuid)
  }
}
