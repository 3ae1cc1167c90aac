import Medusa from "@medusajs/js-sdk"

/** Written by the demo runner: where Medusa is, and the store's publishable key and region. */
export interface DemoConfig {
  backendUrl: string
  publishableKey: string
  regionId: string
  sandboxUrl: string
}

export const config = (await (await fetch("./config.json")).json()) as DemoConfig

export const sdk = new Medusa({ baseUrl: config.backendUrl, publishableKey: config.publishableKey })
// A Polish shop: the plugin's messages in Polish whatever the browser's languages (x-medusa-locale).
sdk.setLocale("pl")

export interface InbankState {
  application: { number: string | null; amount: string; period: number; decision_status: string }
  offer: {
    monthly_payment: string
    period: number
    apr: string | null
    interest_rate_annual: string | null
    total_cost: string | null
    total_cost_of_credit: string | null
  } | null
  contract: { number: string | null; status: string | null } | null
  next_action: { type: string; message: string }
}

/**
 * The offers route's answer (GET /inbank-offers): the periods the shop offers and, with the lowest instalment, its
 * representative example.
 */
export interface Offers {
  eligible: boolean
  periods?: number[]
  default_period?: number | null
  lowest_monthly_payment: string | null
  offers: { period: number; monthly_payment: string }[]
  representative_example?: {
    amount: string
    period: number
    monthly_payment: string
    interest_rate_annual: string | null
    apr: string | null
    total_cost_of_credit: string | null
    total_to_repay: string | null
  } | null
}

const inbank = (cartId: string, path = "") => `/store/carts/${cartId}/inbank${path}`

export const api = {
  offers: (amount: string) => sdk.client.fetch<Offers>("/inbank-offers", { query: { amount } }),
  state: async (cartId: string) => (await sdk.client.fetch<{ inbank: InbankState }>(inbank(cartId))).inbank,
  apply: async (cartId: string, body: unknown) =>
    (await sdk.client.fetch<{ inbank: InbankState }>(inbank(cartId, "/application"), { method: "POST", body })).inbank,
  sendCode: (cartId: string, subject: string) =>
    sdk.client.fetch(inbank(cartId, "/signing"), { method: "POST", body: { subject } }),
  confirmCode: async (cartId: string, subject: string, code: string) =>
    (
      await sdk.client.fetch<{ inbank: InbankState }>(inbank(cartId, "/signing/confirm"), {
        method: "POST",
        body: { subject, code },
      })
    ).inbank,
  banks: async (cartId: string) =>
    (await sdk.client.fetch<{ banks: { id: string; name: string }[] }>(inbank(cartId, "/banks"))).banks,
  bank: async (cartId: string, bankId: string) =>
    (
      await sdk.client.fetch<{ redirect_url: string }>(inbank(cartId, "/bank-verification"), {
        method: "POST",
        body: { bank_id: bankId, return_url: `${location.origin}${location.pathname}#/inbank/${cartId}` },
      })
    ).redirect_url,
  incomeProof: async (cartId: string, files: FileList) => {
    const form = new FormData()
    for (const file of Array.from(files)) form.append("files", file)
    const response = await fetch(`${config.backendUrl}${inbank(cartId, "/income-proof")}`, {
      method: "POST",
      headers: { "x-publishable-api-key": config.publishableKey, "x-medusa-locale": sdk.getLocale() },
      body: form,
    })
    if (!response.ok) throw new Error(((await response.json()) as { message?: string }).message)
  },
}
