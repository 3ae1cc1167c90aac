import { ApplicationInput, InbankClient, InbankClientOptions } from ".."

export const BASE = "http://inbank.test"
export const API_KEY = "e93174d3b9158a01c861c65fab0e7f96"
export const SHOP = "a93f1f44-d5dd-4469-bfcc-c1de9e969213"
export const APP = "471e6282-3384-412b-af7b-646eb8f04391"
export const CONTRACT = "5e3a459a-aada-4d81-b6ad-09cb9483c8bf"

export const PESEL = "44051401359"
export const DOCUMENT_NUMBER = "ABA300000"
export const MONTHLY_INCOME = "8765.43"

export const makeClient = (options: Partial<InbankClientOptions> = {}) =>
  new InbankClient({ apiKey: API_KEY, shopUuid: SHOP, baseUrl: BASE, retryBaseDelayMs: 1, ...options })

export const applicationInput: ApplicationInput = {
  creditApplication: {
    productCode: "hire_purchase",
    amount: "2400",
    period: 12,
    monthlyIncome: MONTHLY_INCOME,
    monthlyFinancialObligations: 100,
  },
  customer: { identityCode: PESEL, firstName: "Jan", lastName: "Kowalski" },
  customerAddresses: [{ street: "Marszałkowska 1", city: "Warszawa", zipCode: "00-001", country: "PL" }],
  customerContact: { mobile: "+48500100200", email: "jan.kowalski@example.com" },
  customerIdentification: { documentType: "id_card", documentNumber: DOCUMENT_NUMBER },
  consents: [{ type: "DATA_PROCESSING", value: true, text: "Zgoda na przetwarzanie danych" }],
  partnerUrls: { callbackUrl: "https://shop.example.com/hooks/inbank" },
}
