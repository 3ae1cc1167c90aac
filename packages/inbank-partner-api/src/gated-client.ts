import { LRUCache } from "lru-cache"
import { InbankClient, InbankClientOptions } from "./client"
import { InbankError } from "./errors"
import { ReadGate, ReadGateOptions } from "./read-gate"
import type { AttachmentsInput, RetrievalInput, SigningMethod } from "./requests"
import type {
  AcceptedApplication,
  Application,
  ApplicationSigning,
  Contract,
  Retrieval,
  SigningConfirmation,
} from "./schemas"

/**
 * News about an application and/or a contract: a callback, or anything else that changed them outside this
 * process.
 */
export interface InbankNews {
  applicationUuids?: (string | null | undefined)[]
  contractUuid?: string | null
}

/**
 * The Inbank client behind one read gate (read-gate.ts): every GET of an application (#6) or a
 * contract (#15) goes out at most once a second per entity, concurrent readers share it, and a read
 * within the second reuses the last answer (docs/inbank-api.md "Polling rules": once a second). Our own writes
 * (#4, #5, #8, #9, #10, #11 on the application; #13, #14, #16, #17 on the contract) and `noteNews` (a
 * callback) make the entity's next read go at once. A write to one side marks the other too when
 * the gate knows they belong together (the application's answer names its contract; see `link`):
 * Inbank's application shows its contract's status, and the contract follows the application.
 * Errors are the client's (errors.ts); a failed read is not kept.
 */
export class GatedInbankClient extends InbankClient {
  private readonly applications: ReadGate<Application>
  private readonly contracts: ReadGate<Contract>
  private readonly contractOfApplication: LRUCache<string, string>
  private readonly applicationOfContract: LRUCache<string, string>
  private readonly now: () => number

  constructor(options: InbankClientOptions, gate: ReadGateOptions = {}) {
    super(options)
    this.now = gate.now ?? Date.now
    this.applications = new ReadGate(gate)
    this.contracts = new ReadGate(gate)
    this.contractOfApplication = new LRUCache({ max: gate.max ?? 10_000 })
    this.applicationOfContract = new LRUCache({ max: gate.max ?? 10_000 })
  }

  /** 6. Decision and offer, through the gate; throws InbankClient's InbankError (a failed read is not kept). */
  override async getApplication(applicationUuid: string): Promise<Application> {
    const application = await this.applications.read(applicationUuid, (sent) =>
      super.getApplication(applicationUuid, { onAttempt: sent }),
    )
    if (application.contract?.uuid) this.link(applicationUuid, application.contract.uuid)
    return application
  }

  /** 15. Contract status, through the gate; throws InbankClient's InbankError (a failed read is not kept). */
  override async getContract(contractUuid: string): Promise<Contract> {
    return this.contracts.read(contractUuid, (sent) => super.getContract(contractUuid, { onAttempt: sent }))
  }

  /**
   * The contract's last answer if it is news-aware (no write or news since its read was sent) and at
   * most `maxAgeMs` old; no Inbank call. For a caller that may act on a slightly older answer.
   */
  recentContract(contractUuid: string, maxAgeMs: number): Contract | undefined {
    const answer = this.contracts.current(contractUuid)
    return answer && this.now() - answer.receivedAt <= maxAgeMs ? answer.value : undefined
  }

  /** The application and its contract belong together: news or a write about one marks both. */
  link(applicationUuid: string, contractUuid: string): void {
    this.contractOfApplication.set(applicationUuid, contractUuid)
    this.applicationOfContract.set(contractUuid, applicationUuid)
  }

  /**
   * News arrived at `at` (ms since the epoch; default now), e.g. a callback when it was received:
   * the named entities (and the contracts of the named applications, when known) are read again at
   * once, unless read after `at` already.
   */
  noteNews(news: InbankNews, at: number = this.now()): void {
    for (const uuid of news.applicationUuids ?? []) if (uuid) this.touchApplication(uuid, at)
    if (news.contractUuid) this.touchContract(news.contractUuid, at)
  }

  /** 4. As InbankClient's (throws its InbankError); settled or not, the application's next read goes to Inbank. */
  override async startApplicationSigning(applicationUuid: string, method: SigningMethod): Promise<ApplicationSigning> {
    return this.writing(super.startApplicationSigning(applicationUuid, method), (at) =>
      this.touchApplication(applicationUuid, at),
    )
  }

  /** 5. As InbankClient's (throws its InbankError); settled or not, the application's next read goes to Inbank. */
  override async confirmApplicationSigning(
    applicationUuid: string,
    confirmationCode: string,
  ): Promise<SigningConfirmation> {
    return this.writing(super.confirmApplicationSigning(applicationUuid, confirmationCode), (at) =>
      this.touchApplication(applicationUuid, at),
    )
  }

  /** 9. As InbankClient's (throws its InbankError); settled or not, the application's next read goes to Inbank. */
  override async uploadAttachments(applicationUuid: string, input: AttachmentsInput): Promise<unknown> {
    return this.writing(super.uploadAttachments(applicationUuid, input), (at) =>
      this.touchApplication(applicationUuid, at),
    )
  }

  /**
   * 8. Starting an AIS session for the application counts as a write to it: the shopper's bank step follows.
   * Throws InbankClient's InbankError.
   */
  override async initiateRetrieval(input: RetrievalInput): Promise<Retrieval> {
    return this.writing(super.initiateRetrieval(input), (at) => this.touchApplication(input.applicationUuid, at))
  }

  /**
   * 10. As InbankClient's (throws its InbankError); settled or not, the application's next read goes to Inbank,
   * and the new contract is linked to it.
   */
  override async acceptApplication(applicationUuid: string): Promise<AcceptedApplication> {
    const accepted = await this.writing(super.acceptApplication(applicationUuid), (at) =>
      this.touchApplication(applicationUuid, at),
    )
    this.link(applicationUuid, accepted.contract.uuid)
    return accepted
  }

  /** 11. As InbankClient's (throws its InbankError); settled or not, the application's next read goes to Inbank. */
  override async cancelApplication(applicationUuid: string): Promise<unknown> {
    return this.writing(super.cancelApplication(applicationUuid), (at) => this.touchApplication(applicationUuid, at))
  }

  /** 13. As InbankClient's (throws its InbankError); settled or not, the contract's next read goes to Inbank. */
  override async startContractSigning(contractUuid: string, method: SigningMethod): Promise<unknown> {
    return this.writing(super.startContractSigning(contractUuid, method), (at) => this.touchContract(contractUuid, at))
  }

  /** 14. As InbankClient's (throws its InbankError); settled or not, the contract's next read goes to Inbank. */
  override async confirmContractSigning(contractUuid: string, confirmationCode: string): Promise<SigningConfirmation> {
    return this.writing(super.confirmContractSigning(contractUuid, confirmationCode), (at) =>
      this.touchContract(contractUuid, at),
    )
  }

  /** 16. As InbankClient's (throws its InbankError); settled or not, the contract's next read goes to Inbank. */
  override async approveContract(contractUuid: string): Promise<unknown> {
    return this.writing(super.approveContract(contractUuid), (at) => this.touchContract(contractUuid, at))
  }

  /** 17. As InbankClient's (throws its InbankError); settled or not, the contract's next read goes to Inbank. */
  override async cancelContract(contractUuid: string): Promise<unknown> {
    return this.writing(super.cancelContract(contractUuid), (at) => this.touchContract(contractUuid, at))
  }

  /**
   * A write's answer, lost or not, may have changed the entity: it is marked when the call settles. A write
   * Inbank refused (an HTTP error not worth retrying: 4xx but 408, 425, 429) did nothing: it is marked as of
   * its sending, so an answer to a read sent after it (concurrent refusals share one) is not asked again.
   */
  private async writing<T>(call: Promise<T>, touch: (at?: number) => void): Promise<T> {
    const sentAt = this.now()
    let refusedAt: number | undefined
    try {
      return await call
    } catch (error) {
      if (error instanceof InbankError && error.kind === "http" && !error.retriable) refusedAt = sentAt
      throw error
    } finally {
      touch(refusedAt)
    }
  }

  private touchApplication(applicationUuid: string, at?: number): void {
    this.applications.markStale(applicationUuid, at)
    const contractUuid = this.contractOfApplication.get(applicationUuid)
    if (contractUuid) this.contracts.markStale(contractUuid, at)
  }

  private touchContract(contractUuid: string, at?: number): void {
    this.contracts.markStale(contractUuid, at)
    const applicationUuid = this.applicationOfContract.get(contractUuid)
    if (applicationUuid) this.applications.markStale(applicationUuid, at)
  }
}
