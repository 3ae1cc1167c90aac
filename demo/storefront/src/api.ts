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
  /** Documents to read before signing: the contract's printout, once Inbank has made the contract. */
  documents: { type: "contract"; url: string }[]
  /**
   * The SMS step: the masked phone, tries left of the current code, whether it is void, seconds until a new
   * code may be sent.
   */
  signing: { phone: string | null; attempts_left: number; code_void: boolean; resend_in_seconds: number } | null
  next_action: { type: string; message: string }
}

/**
 * The offers route's answer (GET /inbank-offers): the periods the shop offers and, with the lowest
 * instalment, its representative example.
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

/** The body of a refused store API call (the fields a refusal keeps; any of them may be missing). */
interface ErrorBody {
  message?: string
  code?: string
  field?: string
  errors?: { field?: string; message: string }[]
}

/** The cart as the summary reads it (Medusa's store API cart, the fields used). */
export interface SummaryCart {
  items?: { title: string; product_title?: string | null; quantity: number; total?: number }[] | null
  total: number
}

/** A product as the shop's lists read it (Medusa's store API product, the fields used). */
export interface ShopProduct {
  id: string
  title: string
  variants?: { id: string; calculated_price?: { calculated_amount?: number | null } | null }[] | null
}

/** The complete-cart answer: the order placed, or the cart again with the reason it was not. */
export type CompleteAnswer =
  | { type: "order"; order: { id: string; display_id?: number } }
  | { type: "cart"; error: { message: string; name?: string; type?: string } }

/**
 * A refusal of the plugin's store API: its stable code, the field it is about, the Polish message, one
 * entry per field of a form.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly field: string | undefined,
    readonly errors: { field?: string; message: string }[],
  ) {
    super(message)
  }
}

/**
 * One call of the plugin's store routes; a refusal keeps its `code`, `field` and `errors` (the js-sdk keeps
 * only the message).
 */
async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${config.backendUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": config.publishableKey,
      "x-medusa-locale": sdk.getLocale(),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const answer: unknown = await response.json().catch(() => ({}))
  if (!response.ok) {
    const refused = answer as ErrorBody
    throw new Refusal(
      refused.message ?? "Sklep nie odpowiada. Spróbuj ponownie za chwilę.",
      refused.code,
      refused.field,
      refused.errors ?? [],
    )
  }
  return answer as T
}

const inbank = (cartId: string, path = "") => `/store/carts/${cartId}/inbank${path}`
type Answer = { inbank: InbankState }

export const api = {
  offers: (amount: string) => call<Offers>(`/inbank-offers?amount=${encodeURIComponent(amount)}`),
  state: async (cartId: string) => (await call<Answer>(inbank(cartId))).inbank,
  apply: async (cartId: string, body: unknown) =>
    (await call<Answer>(inbank(cartId, "/application"), { method: "POST", body })).inbank,
  sendCode: async (cartId: string, subject: string) =>
    (await call<Answer>(inbank(cartId, "/signing"), { method: "POST", body: { subject } })).inbank,
  confirmCode: async (cartId: string, subject: string, code: string) =>
    (await call<Answer>(inbank(cartId, "/signing/confirm"), { method: "POST", body: { subject, code } })).inbank,
  banks: async (cartId: string) =>
    (await call<{ banks: { id: string; name: string }[] }>(inbank(cartId, "/banks"))).banks,
  bank: async (cartId: string, bankId: string) =>
    (
      await call<{ redirect_url: string }>(inbank(cartId, "/bank-verification"), {
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
    if (!response.ok) throw new Error(((await response.json()) as ErrorBody).message)
  },
}
