import axios, { AxiosInstance, Method } from "axios"
import axiosRetry, { exponentialDelay, retryAfter } from "axios-retry"
import { ZodError, ZodType } from "zod"
import { ApiVersion, Dialect, dialectFor, incoming, InbankEnvironment, resolveBaseUrl } from "./dialect"
import { fromAxiosError, fromZodError } from "./errors"
import { toInbankAmount } from "./money"
import type { ApplicationInput, AttachmentsInput, CalculationInput, RetrievalInput, SigningMethod } from "./requests"
import {
  AcceptedApplication,
  acceptedApplicationSchema,
  anyBodySchema,
  Application,
  applicationSchema,
  ApplicationSigning,
  applicationSigningSchema,
  BankList,
  bankListSchema,
  Calculation,
  calculationSchema,
  Contract,
  contractSchema,
  CreatedApplication,
  createdApplicationSchema,
  Printout,
  printoutSchema,
  ProductList,
  productsSchema,
  Retrieval,
  retrievalSchema,
  SigningConfirmation,
  signingConfirmationSchema,
} from "./schemas"

export interface InbankClientOptions {
  apiKey: string
  shopUuid: string
  environment?: InbankEnvironment
  /** Host root of another Inbank-compatible server (the sandbox); overrides `environment`. */
  baseUrl?: string
  apiVersion?: ApiVersion
  /** Per attempt. */
  timeoutMs?: number
  /** Extra attempts for GET requests on network errors, 429 and 5xx. */
  getRetries?: number
  /** First backoff step; doubles each retry, with jitter, and yields to a longer Retry-After. */
  retryBaseDelayMs?: number
}

export const CLIENT_DEFAULTS = {
  environment: "demo" as InbankEnvironment,
  apiVersion: "v2" as ApiVersion,
  timeoutMs: 10_000,
  getRetries: 3,
  retryBaseDelayMs: 250,
}

const MAX_RETRY_DELAY_MS = 5_000

interface Call<T> {
  endpoint: string
  method: Method
  path: string
  pathParams?: Record<string, string>
  body?: unknown
  query?: Record<string, string | boolean>
  schema: ZodType<T>
  /** Personal values of this request, scrubbed from any error text Inbank echoes back. */
  secrets?: string[]
  onAttempt?: () => void
}

/** Options of a read (GET of an application or a contract). */
export interface ReadOptions {
  /**
   * Called as each attempt leaves, the first and every retry: a cache can date the answer by the
   * attempt that got it, not by the first one.
   */
  onAttempt?: () => void
}

declare module "axios" {
  interface AxiosRequestConfig {
    /** Called by a request interceptor as each attempt (retries included) is sent. */
    onAttempt?: () => void
  }
}

/**
 * One method per endpoint of the Inbank Partner API (docs/inbank-api.md "Endpoints", numbered as there), in the
 * configured dialect (docs/inbank-api.md "Versions"). Answers are validated (zod) and returned in camelCase;
 * money comes back as exact PLN decimal strings ("1234.50").
 *
 * Every method throws InbankError and nothing else from Inbank: `kind: "http"` with the `status` Inbank
 * answered (401/403 wrong key, 404 unknown UUID, 422 refused data, 503 SMS service down; `retriable` for 408,
 * 425, 429 and 5xx) and its error text scrubbed of the API key and the request's personal values,
 * `kind: "network"` (no answer within `timeoutMs`; retriable) or `kind: "invalid_response"` (an answer not
 * shaped as documented). GETs are retried `getRetries` times on network errors, 429 and 5xx; POST and PATCH
 * never, as a repeated one could create a second application or contract. A caller's empty or missing id
 * (a UUID in the path) is a TypeError, thrown before any request.
 */
export class InbankClient {
  private readonly http: AxiosInstance
  private readonly dialect: Dialect
  private readonly apiKey: string
  private readonly shopUuid: string

  constructor(options: InbankClientOptions) {
    const settings = { ...CLIENT_DEFAULTS, ...stripUndefined(options) }
    this.apiKey = settings.apiKey
    this.shopUuid = settings.shopUuid
    this.dialect = dialectFor(settings.apiVersion)
    this.http = axios.create({
      baseURL: resolveBaseUrl(settings.environment, settings.baseUrl),
      timeout: settings.timeoutMs,
      headers: { Accept: "application/json" },
      // Status handling is ours: every non-2xx becomes an InbankError.
      validateStatus: (status) => status >= 200 && status < 300,
    })
    // axios-retry sends each retry through the instance again, so this runs once per attempt.
    this.http.interceptors.request.use((config) => {
      config.onAttempt?.()
      return config
    })
    // Only safe calls are retried: a POST that timed out may have created an application
    // or a contract, and repeating it could create a second one.
    axiosRetry(this.http, {
      retries: settings.getRetries,
      shouldResetTimeout: true,
      retryCondition: (error) => {
        if (error.config?.method?.toLowerCase() !== "get") return false
        if (error.code === "ERR_CANCELED") return false
        const status = error.response?.status
        return status === undefined || status === 429 || status >= 500
      },
      retryDelay: (retryCount, error) =>
        Math.min(
          Math.max(exponentialDelay(retryCount, error, settings.retryBaseDelayMs), retryAfter(error)),
          MAX_RETRY_DELAY_MS,
        ),
    })
  }

  /** The dialect this client speaks, `"v2"` or `"v3"` (docs/inbank-api.md "Versions"). */
  get apiVersion(): ApiVersion {
    return this.dialect.version
  }

  /**
   * 1. Preliminary instalment calculation for an amount (PLN, any DecimalInput) and a period in months.
   * @returns the monthly payment, rates and total costs (PLN decimal strings, rates as decimal fractions).
   * @throws RangeError for a negative or non-decimal amount (before any request); InbankError (see the class).
   */
  async createCalculation(input: CalculationInput): Promise<Calculation> {
    return this.call({
      endpoint: "createCalculation",
      method: "POST",
      path: "calculations",
      body: { ...input, amount: toInbankAmount(input.amount) },
      schema: calculationSchema,
    })
  }

  /**
   * 2. The shop's products and their amount (PLN) and period (months) limits; every field but the code optional.
   * @throws InbankError (see the class).
   */
  async listProducts(): Promise<ProductList> {
    return this.call({ endpoint: "listProducts", method: "GET", path: "products", schema: productsSchema })
  }

  /**
   * 3. Submits a credit application. Amounts (credit, income, obligations) are PLN DecimalInputs, sent as
   * two-decimal strings; every personal value of `input` is scrubbed from an error's text.
   * @returns the application as created: `uuid`, `number`, the first `decisionStatus`, amount and period.
   * @throws RangeError for a negative or non-decimal amount (before any request); InbankError (see the class).
   */
  async createApplication(input: ApplicationInput): Promise<CreatedApplication> {
    const credit = input.creditApplication
    const body = {
      ...input,
      creditApplication: {
        ...credit,
        amount: toInbankAmount(credit.amount, "creditApplication.amount"),
        ...(credit.monthlyIncome !== undefined && {
          monthlyIncome: toInbankAmount(credit.monthlyIncome, "creditApplication.monthlyIncome"),
        }),
        ...(credit.monthlyFinancialObligations !== undefined && {
          monthlyFinancialObligations: toInbankAmount(
            credit.monthlyFinancialObligations,
            "creditApplication.monthlyFinancialObligations",
          ),
        }),
      },
    }
    return this.call({
      endpoint: "createApplication",
      method: "POST",
      path: "applications",
      body,
      schema: createdApplicationSchema,
      secrets: personalValues(input),
    })
  }

  /**
   * 4. Starts signing the application (`sms` sends the code to the applicant's phone).
   * @throws InbankError (see the class).
   */
  async startApplicationSigning(applicationUuid: string, method: SigningMethod): Promise<ApplicationSigning> {
    return this.call({
      endpoint: "startApplicationSigning",
      method: "POST",
      path: "applications/:uuid/signings",
      pathParams: { uuid: applicationUuid },
      body: { method },
      schema: applicationSigningSchema,
    })
  }

  /**
   * 5. Confirm the application's SMS code. Sent as a string: the vendor example shows a number,
   * but a code may start with 0. The code is scrubbed from an error's text.
   * @throws InbankError (see the class): 422 for a wrong or expired code.
   */
  async confirmApplicationSigning(applicationUuid: string, confirmationCode: string): Promise<SigningConfirmation> {
    return this.call({
      endpoint: "confirmApplicationSigning",
      method: "PATCH",
      path: "applications/:uuid/signings",
      pathParams: { uuid: applicationUuid },
      body: { method: "sms", confirmationCode },
      schema: signingConfirmationSchema,
      secrets: [confirmationCode],
    })
  }

  /**
   * 6. The application's decision and offer (`creditApplication`, `paymentSchedule`, `contract` when there is
   * one). Inbank's polling rules (docs/inbank-api.md "Polling rules") are the caller's: see GatedInbankClient.
   * @throws InbankError (see the class).
   */
  async getApplication(applicationUuid: string, options: ReadOptions = {}): Promise<Application> {
    return this.call({
      endpoint: "getApplication",
      method: "GET",
      path: "applications/:uuid",
      pathParams: { uuid: applicationUuid },
      schema: applicationSchema,
      onAttempt: options.onAttempt,
    })
  }

  /**
   * 7. Banks the customer can pick for account information (AIS): `{ bankList: [{ id, name, iconUrl }] }`.
   * @throws InbankError (see the class).
   */
  async listBanks(applicationUuid: string): Promise<BankList> {
    return this.call({
      endpoint: "listBanks",
      method: "GET",
      path: "account_statements/bank_list",
      query: { applicationUuid },
      schema: bankListSchema,
    })
  }

  /**
   * 8. Starts the AIS session; the customer is sent to the returned `redirectUrl`.
   * @throws InbankError (see the class).
   */
  async initiateRetrieval(input: RetrievalInput): Promise<Retrieval> {
    return this.call({
      endpoint: "initiateRetrieval",
      method: "POST",
      path: "account_statements/initiate_retrieval",
      body: input,
      schema: retrievalSchema,
    })
  }

  /**
   * 9. Uploads income proof documents (multipart `attachments[]`, `type`, `description`).
   * @returns Inbank's answer, unchecked (the documents give none).
   * @throws InbankError (see the class).
   */
  async uploadAttachments(applicationUuid: string, input: AttachmentsInput): Promise<unknown> {
    const form = new FormData()
    for (const file of input.files) {
      const blob =
        file.content instanceof Blob
          ? file.content
          : new Blob([new Uint8Array(file.content)], { type: file.contentType ?? "application/octet-stream" })
      form.append("attachments[]", blob, file.filename)
    }
    form.append("type", input.type ?? "income_proof_document")
    if (input.description) form.append("description", input.description)
    return this.call({
      endpoint: "uploadAttachments",
      method: "POST",
      path: "applications/:uuid/attachments",
      pathParams: { uuid: applicationUuid },
      body: form,
      schema: anyBodySchema,
    })
  }

  /**
   * 10. Accepts the offer; Inbank creates the contract.
   * @returns `{ contract: { uuid } }`.
   * @throws InbankError (see the class).
   */
  async acceptApplication(applicationUuid: string): Promise<AcceptedApplication> {
    return this.call({
      endpoint: "acceptApplication",
      method: "POST",
      path: "applications/:uuid/accept",
      pathParams: { uuid: applicationUuid },
      schema: acceptedApplicationSchema,
    })
  }

  /**
   * 11. Cancels the application.
   * @throws InbankError (see the class).
   */
  async cancelApplication(applicationUuid: string): Promise<unknown> {
    return this.call({
      endpoint: "cancelApplication",
      method: "POST",
      path: "applications/:uuid/cancel",
      pathParams: { uuid: applicationUuid },
      schema: anyBodySchema,
    })
  }

  /**
   * 12. Link to the contract printout (`{ uuid, link }`), regenerated when `forceRegeneration` is set.
   * @throws InbankError (see the class).
   */
  async getContractPrintout(contractUuid: string, options: { forceRegeneration?: boolean } = {}): Promise<Printout> {
    return this.call({
      endpoint: "getContractPrintout",
      method: "GET",
      path: "contracts/:uuid/printouts",
      pathParams: { uuid: contractUuid },
      query: options.forceRegeneration ? { forceRegeneration: true } : undefined,
      schema: printoutSchema,
    })
  }

  /**
   * 13. Starts signing the contract (`sms` sends the code to the applicant's phone).
   * @throws InbankError (see the class).
   */
  async startContractSigning(contractUuid: string, method: SigningMethod): Promise<unknown> {
    return this.call({
      endpoint: "startContractSigning",
      method: "POST",
      path: "contracts/:uuid/signings",
      pathParams: { uuid: contractUuid },
      body: { method },
      schema: anyBodySchema,
    })
  }

  /**
   * 14. Confirms the contract's SMS code (sent as a string, as #5); the code is scrubbed from an error's text.
   * @throws InbankError (see the class): 422 for a wrong or expired code.
   */
  async confirmContractSigning(contractUuid: string, confirmationCode: string): Promise<SigningConfirmation> {
    return this.call({
      endpoint: "confirmContractSigning",
      method: "PATCH",
      path: "contracts/:uuid/signings",
      pathParams: { uuid: contractUuid },
      body: { method: "sms", confirmationCode },
      schema: signingConfirmationSchema,
      secrets: [confirmationCode],
    })
  }

  /**
   * 15. The contract's status and dates, with `processStatus` when Inbank sends it (docs/inbank-api.md
   * "Statuses").
   * @throws InbankError (see the class).
   */
  async getContract(contractUuid: string, options: ReadOptions = {}): Promise<Contract> {
    return this.call({
      endpoint: "getContract",
      method: "GET",
      path: "contracts/:uuid",
      pathParams: { uuid: contractUuid },
      schema: contractSchema,
      onAttempt: options.onAttempt,
    })
  }

  /**
   * 16. Merchant approval: Inbank activates the whole contract (docs/inbank-api.md "Flows" 2).
   * @throws InbankError (see the class).
   */
  async approveContract(contractUuid: string): Promise<unknown> {
    return this.call({
      endpoint: "approveContract",
      method: "POST",
      path: "contracts/:uuid/merchant_approval",
      pathParams: { uuid: contractUuid },
      schema: anyBodySchema,
    })
  }

  /**
   * 17. The merchant cancels an unsigned or signed contract (an activated one cannot be).
   * @throws InbankError (see the class).
   */
  async cancelContract(contractUuid: string): Promise<unknown> {
    return this.call({
      endpoint: "cancelContract",
      method: "POST",
      path: "contracts/:uuid/cancel",
      pathParams: { uuid: contractUuid },
      schema: anyBodySchema,
    })
  }

  private async call<T>(call: Call<T>): Promise<T> {
    // A caller's slip (an id left undefined), not Inbank's answer: said as such, before any request.
    for (const [name, value] of Object.entries(call.pathParams ?? {})) {
      if (typeof value !== "string" || value.trim() === "") {
        throw new TypeError(`${call.endpoint}: ${name} must be a non-empty string, got ${String(value)}`)
      }
    }
    const multipart = call.body instanceof FormData
    const headers: Record<string, string> = { Authorization: `Bearer ${this.apiKey}` }
    // The vendor expects JSON's Content-Type on every request but the multipart upload.
    if (!multipart) headers["Content-Type"] = "application/json"

    let data: unknown
    try {
      const response = await this.http.request({
        method: call.method,
        url: this.dialect.shopPath(this.shopUuid, call.path, call.pathParams),
        params: call.query && this.dialect.outgoing(call.query),
        data: multipart || call.body === undefined ? call.body : this.dialect.outgoing(call.body),
        headers,
        onAttempt: call.onAttempt,
      })
      data = response.data
    } catch (error) {
      throw fromAxiosError(error, call.endpoint, [this.apiKey, ...(call.secrets ?? [])])
    }

    try {
      return call.schema.parse(incoming(data === "" ? undefined : data))
    } catch (error) {
      if (error instanceof ZodError) throw fromZodError(error, call.endpoint, typeof data !== "string")
      throw error
    }
  }
}

/**
 * Every string the applicant typed about themselves: none may leak through Inbank's error text. Not the
 * document's type ("id_card", "passport"): it names nobody, and Inbank's text about it stays readable.
 */
function personalValues(input: ApplicationInput): string[] {
  const values: string[] = []
  const collect = (value: unknown): void => {
    if (typeof value === "string" || typeof value === "number") values.push(String(value))
    else if (Array.isArray(value)) value.forEach(collect)
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect)
  }
  const { documentType: _type, ...identification } = input.customerIdentification
  collect([input.customer, input.customerContact, identification, input.customerAddresses])
  collect([input.creditApplication.monthlyIncome, input.creditApplication.monthlyFinancialObligations])
  return values.filter((value) => value.length >= 3)
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
