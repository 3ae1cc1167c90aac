import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentOutput,
  CapturePaymentOutput,
  CancelPaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusOutput,
  InitiatePaymentOutput,
  RefundPaymentOutput,
  RetrievePaymentOutput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { InbankClient } from "../../lib/inbank"
import { InbankOptions, parseInbankOptions, ResolvedInbankOptions } from "./options"

/**
 * Inbank instalments as a Medusa payment provider (`pp_inbank_inbank`).
 * This release ships the provider's options and its Inbank client; the checkout mapping
 * (authorize = accept + sign, capture = merchant approval, cancel) lands with the checkout work.
 */
export class InbankProviderService extends AbstractPaymentProvider<InbankOptions> {
  static identifier = "inbank"

  protected readonly options_: ResolvedInbankOptions
  protected readonly client_: InbankClient

  static validateOptions(options: Record<string, unknown>): void {
    parseInbankOptions(options)
  }

  constructor(container: Record<string, unknown>, options: InbankOptions) {
    super(container, options)
    this.options_ = parseInbankOptions(options)
    this.client_ = new InbankClient({
      apiKey: this.options_.apiKey,
      shopUuid: this.options_.shopUuid,
      environment: this.options_.environment,
      baseUrl: this.options_.baseUrl,
      apiVersion: this.options_.apiVersion,
      timeoutMs: this.options_.requestTimeoutMs,
    })
  }

  async initiatePayment(): Promise<InitiatePaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async authorizePayment(): Promise<AuthorizePaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async capturePayment(): Promise<CapturePaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async cancelPayment(): Promise<CancelPaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async refundPayment(): Promise<RefundPaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async updatePayment(): Promise<UpdatePaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async retrievePayment(): Promise<RetrievePaymentOutput> {
    return this.checkoutNotAvailable()
  }

  async getPaymentStatus(): Promise<GetPaymentStatusOutput> {
    return this.checkoutNotAvailable()
  }

  /** Nothing exists at Inbank before an application is submitted. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  /** Inbank's callbacks are form-encoded and HMAC-signed: they go to `/hooks/inbank`, not core's webhook route. */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  private checkoutNotAvailable(): never {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Inbank checkout is not available in this version of medusa-payment-inbank"
    )
  }
}
