import { api, Refusal, sdk } from "./api"
import { cartSummary } from "./cart-summary"
import { clearFieldErrors, showFieldErrors } from "./field-errors"
import { escape, zl } from "./format"
import { progressRegion, showProgress } from "./progress"

/** What the shopper typed, per cart, kept in memory only (never in the browser's storage: PESEL, income). */
const typed = new Map<string, Record<string, string>>()
/** The application body last sent for each cart: the same form sent again makes no second application. */
const applied = new Map<string, string>()

const CONSENT = "Wyrażam zgodę na przetwarzanie moich danych przez Inbank w celu oceny wniosku."

const field = (values: Record<string, string>, name: string, label: string, fallback = "", attributes = "") =>
  `<label>${label}<input name="${name}" value="${escape(values[name] ?? fallback)}" required ${attributes} /></label>`

/** The application's body from the form's values, with the chosen period. */
export function applicationBody(v: Record<string, string>, period: number) {
  return {
    period,
    applicant: {
      identity_code: v.identity_code,
      first_name: v.first_name,
      last_name: v.last_name,
      document_type: v.document_type,
      document_number: v.document_number,
      mobile: v.mobile,
      email: v.email,
      address: {
        street: v.street,
        house_number: v.house_number,
        city: v.city,
        postal_code: v.postal_code,
        country_code: "pl",
      },
      monthly_income: v.monthly_income,
      monthly_obligations: v.monthly_obligations,
    },
    consents: [{ type: "DATA_PROCESSING", value: v.consent === "on", text: CONSENT }],
  }
}

/** The values the shopper typed for the cart, if the form was filled in this visit. */
export const typedFor = (cartId: string) => typed.get(cartId)

/** Whether this very application was sent for the cart already (Back and Next without a change). */
const alreadyApplied = (cartId: string, body: ReturnType<typeof applicationBody>) =>
  applied.get(cartId) === JSON.stringify(body)

/**
 * Sends the application for the cart unless the same body went already, then opens the Inbank step.
 * Refusals are thrown (api.ts Refusal).
 */
export async function applyOnce(cartId: string, body: ReturnType<typeof applicationBody>): Promise<void> {
  if (!alreadyApplied(cartId, body)) {
    await api.apply(cartId, body)
    applied.set(cartId, JSON.stringify(body))
  }
  location.hash = `#/inbank/${cartId}`
}

/** The delivery and application form, filled with what the shopper typed before (Back keeps it). */
export async function checkoutView(app: HTMLElement, cartId: string): Promise<void> {
  const v = typed.get(cartId) ?? {}
  app.innerHTML = `<div class="step"><div>
  <h1 tabindex="-1">Dane do zamówienia i wniosku</h1>
  <form id="checkout" novalidate>
    <fieldset><legend>Dostawa</legend>
      ${field(v, "email", "E-mail", "", 'type="email" autocomplete="email"')}
      ${field(v, "mobile", "Telefon komórkowy", "+48 ", 'type="tel" autocomplete="tel"')}
      ${field(v, "first_name", "Imię", "", 'autocomplete="given-name"')}${field(v, "last_name", "Nazwisko", "", 'autocomplete="family-name"')}
      ${field(v, "street", "Ulica", "", 'autocomplete="address-line1"')}${field(v, "house_number", "Numer domu")}
      ${field(v, "postal_code", "Kod pocztowy", "00-001", 'autocomplete="postal-code"')}${field(v, "city", "Miejscowość", "Warszawa", 'autocomplete="address-level2"')}
    </fieldset>
    <fieldset><legend>Wniosek o raty Inbank</legend>
      ${field(v, "identity_code", "PESEL", "", 'inputmode="numeric"')}
      <label>Dokument<select name="document_type">
        <option value="id_card">dowód osobisty</option><option value="passport"${v.document_type === "passport" ? " selected" : ""}>paszport</option></select></label>
      ${field(v, "document_number", "Numer dokumentu")}
      ${field(v, "monthly_income", "Miesięczny dochód netto (zł)", "", 'inputmode="decimal"')}
      ${field(v, "monthly_obligations", "Miesięczne zobowiązania (zł)", "0", 'inputmode="decimal"')}
      <label>Okres spłaty<select name="period" id="period" required>${v.period ? `<option value="${escape(v.period)}" selected>${escape(v.period)} mies.</option>` : ""}</select></label>
      <label class="wide check"><input type="checkbox" name="consent" ${v.consent ? "checked" : ""} /><span>${CONSENT}</span></label>
    </fieldset>
    <p class="error" id="error" role="alert"></p>
    ${progressRegion}
    <button type="submit"${v.period ? "" : " disabled"}>Wyślij wniosek</button>
  </form></div>${await cartSummary(cartId)}</div>`
  const form = document.getElementById("checkout") as HTMLFormElement
  const keep = () => typed.set(cartId, Object.fromEntries(new FormData(form)) as Record<string, string>)
  form.addEventListener("input", keep)
  form.addEventListener("change", keep)
  const submit = async () => {
    keep()
    const values = typed.get(cartId)!
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
    const error = document.getElementById("error")!
    clearFieldErrors(form)
    error.textContent = ""
    button.disabled = true
    const body = applicationBody(values, Number(values.period))
    // Nothing changed since the application went: the cart is left as it is (a changed cart would end its
    // Inbank session).
    if (alreadyApplied(cartId, body)) return void (location.hash = `#/inbank/${cartId}`)
    showProgress("Wysyłamy wniosek do Inbank… To potrwa kilka sekund.")
    try {
      const address = {
        first_name: values.first_name,
        last_name: values.last_name,
        address_1: `${values.street} ${values.house_number}`,
        city: values.city,
        postal_code: values.postal_code,
        country_code: "pl",
      }
      await sdk.store.cart.update(cartId, { email: values.email, shipping_address: address, billing_address: address })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
      await sdk.store.cart.addShippingMethod(cartId, { option_id: shipping_options[0].id })
      await applyOnce(cartId, body)
    } catch (refused) {
      error.textContent =
        refused instanceof Refusal
          ? (showFieldErrors(form, refused) ?? "Popraw zaznaczone pola.")
          : "Nie udało się zapisać danych. Sprawdź je i spróbuj ponownie."
      showProgress("")
      button.disabled = false
    }
  }
  // Wired before anything is awaited: a submission never reaches the browser's own (a page reload).
  form.addEventListener("submit", (event) => {
    event.preventDefault()
    void submit()
  })
  // The period kept from before is chosen at once; the list of the shop's periods follows (into this
  // form's own elements: the shopper may have moved on meanwhile).
  await periodChoices(cartId, form.querySelector<HTMLSelectElement>("#period")!, Number(v.period) || undefined)
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = false
}

/**
 * The period select: exactly the periods the shop offers for the cart's total (the offers route), each with
 * its instalment.
 */
async function periodChoices(cartId: string, select: HTMLSelectElement, kept?: number) {
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "total" })
  const offers = await api.offers(String(cart.total)).catch(() => null)
  const periods = offers?.periods ?? []
  const preferred = kept ?? offers?.default_period ?? 12
  const chosen = periods.includes(preferred) ? preferred : periods[0]
  select.innerHTML = periodOptions(offers?.offers ?? [], periods, chosen)
}

/** `<option>`s "12 mies. — rata 35,12 zł" of the periods, `chosen` selected. */
export function periodOptions(
  offers: { period: number; monthly_payment: string }[],
  periods: number[],
  chosen: number | undefined,
): string {
  const monthly = new Map(offers.map((o) => [o.period, o.monthly_payment]))
  return periods
    .map(
      (p) => `<option value="${p}"${p === chosen ? " selected" : ""}>${p} mies. — rata ${zl(monthly.get(p))}</option>`,
    )
    .join("")
}
