import type { DecimalInput } from "./money"
import type { SigningMethod } from "./schemas"

/**
 * What the client is asked to send, in camelCase; the dialect spells it for the wire.
 * Field names follow the partner API reference, POST /applications ("Request payload").
 * Fields Inbank configures per partner as optional may be added beside the typed ones.
 */

export interface CalculationInput {
  productCode: string
  amount: DecimalInput
  period: number
  paymentDay?: number
}

export interface CreditApplicationInput {
  productCode: string
  amount: DecimalInput
  period: number
  monthlyIncome?: DecimalInput
  monthlyFinancialObligations?: DecimalInput
  paymentDay?: number
  [field: string]: unknown
}

export interface CustomerInput {
  identityCode: string
  firstName: string
  lastName: string
  [field: string]: unknown
}

export interface CustomerAddressInput {
  street: string
  zipCode: string
  country: string
  city?: string
  houseNumber?: string
  apartmentNumber?: string
  [field: string]: unknown
}

export interface ConsentInput {
  type: string
  value: boolean
  text: string
}

export interface ApplicationInput {
  creditApplication: CreditApplicationInput
  customer: CustomerInput
  customerAddresses: CustomerAddressInput[]
  customerContact: { mobile: string; email: string }
  customerIdentification: { documentType: string; documentNumber: string }
  consents: ConsentInput[]
  purchase?: Record<string, unknown>
  partnerUrls?: { callbackUrl?: string; [field: string]: unknown }
}

export interface RetrievalInput {
  applicationUuid: string
  bankId: string | number
  locale?: string
  /** Where Inbank sends the customer back after the bank step. */
  returnUrl?: string
}

export interface AttachmentFile {
  filename: string
  /** The bytes, or a Blob (e.g. `fs.openAsBlob`), which is streamed from its source, not copied. */
  content: Buffer | Uint8Array | Blob
  /** For bytes; a Blob keeps its own type. */
  contentType?: string
}

export interface AttachmentsInput {
  files: AttachmentFile[]
  type?: string
  description?: string
}

export type { SigningMethod }
