import type { ApplicationInput } from "inbank-partner-api"
import { purchaseLines } from "../../../../../../lib/financing/purchase-lines"
import type { CartForApplication } from "./cart-for-application"
import type { StoreInbankApplicationType } from "../validators"

interface Purchase {
  productCode: string
  amount: string
  period: number
  items: CartForApplication["items"]
  shippingTotal: CartForApplication["shipping_total"]
  callbackUrl?: string
}

/**
 * The store form, in the shape of Inbank's POST /applications (partner API reference, "Request
 * payload"). The form's values are already canonical (validators.ts): `+48…` mobile, `1234.50` amounts.
 */
export function applicantToInbank(form: StoreInbankApplicationType, purchase: Purchase): ApplicationInput {
  const { applicant } = form
  return {
    creditApplication: {
      productCode: purchase.productCode,
      amount: purchase.amount,
      period: purchase.period,
      monthlyIncome: applicant.monthly_income,
      monthlyFinancialObligations: applicant.monthly_obligations,
    },
    customer: { identityCode: applicant.identity_code, firstName: applicant.first_name, lastName: applicant.last_name },
    customerAddresses: [
      {
        street: applicant.address.street,
        houseNumber: applicant.address.house_number,
        apartmentNumber: applicant.address.apartment_number,
        city: applicant.address.city,
        zipCode: applicant.address.postal_code,
        country: applicant.address.country_code.toUpperCase(),
      },
    ],
    customerContact: { mobile: applicant.mobile, email: applicant.email },
    customerIdentification: { documentType: applicant.document_type, documentNumber: applicant.document_number },
    consents: form.consents.map((consent) => ({ type: consent.type, value: consent.value, text: consent.text })),
    purchase: {
      totalAmount: purchase.amount,
      // Lines adding up to the financed amount (purchaseLines): items, shipping, adjustments.
      items: purchaseLines(
        purchase.items.map((item) => ({
          name: [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" — "),
          quantity: item.quantity,
          total: item.total,
        })),
        purchase.shippingTotal,
        purchase.amount,
      ),
    },
    partnerUrls: purchase.callbackUrl ? { callbackUrl: purchase.callbackUrl } : undefined,
  }
}
