import type { HttpTypes } from "@medusajs/framework/types"
import { api, config, InbankState, sdk } from "./api"

/** A tiny demo shop: products with the instalment badge, checkout, and the Inbank steps led by `next_action`. */

const app = document.getElementById("app")!
const zl = (amount: string | null | undefined) => (amount ? `${amount.replace(".", ",")} zł` : "—")
const percent = (rate: string | null | undefined) =>
  rate ? `${(Number(rate) * 100).toFixed(2).replace(".", ",")}%` : "—"
const html = (strings: TemplateStringsArray, ...values: (string | number | null | undefined)[]) =>
  strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i] ?? "") : ""), "")
const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
const errorText = (error: unknown) => escape((error as Error).message ?? String(error))
let poll: number | undefined
/** An async handler for addEventListener, which ignores returned promises: each handler shows its own errors. */
const later =
  <E>(handler: (event: E) => Promise<unknown>) =>
  (event: E): void => {
    void handler(event)
  }

/**
 * The instalment badge: the lowest instalment the checkout offers, with its representative example behind an
 * info button.
 */
async function badge(amount: string): Promise<{ html: string; eligible: boolean }> {
  const offers = await api.offers(amount).catch(() => null)
  if (!offers?.eligible) return { html: "", eligible: false }
  const example = offers.representative_example
  const details = example
    ? `<details class="example" data-testid="representative-example"><summary aria-label="Przykład reprezentatywny">i</summary>
      <p>Przykład reprezentatywny: cena ${zl(example.amount)}, okres ${example.period} mies., rata ${zl(example.monthly_payment)},
      oprocentowanie ${percent(example.interest_rate_annual)}, RRSO ${percent(example.apr)}, całkowity koszt kredytu ${zl(example.total_cost_of_credit)},
      całkowita kwota do zapłaty ${zl(example.total_to_repay)}. Kredytodawca: Inbank.</p></details>`
    : ""
  return {
    html: `<span class="badge" data-testid="badge">od ${zl(offers.lowest_monthly_payment)}/mies.</span>${details}`,
    eligible: true,
  }
}

const priceOf = (product: HttpTypes.StoreProduct) => String(product.variants![0].calculated_price!.calculated_amount)

/** "399.5" × 3 → "1198.50", in whole grosze: no floating point on money. */
function times(price: string, quantity: number): string {
  const [whole, fraction = ""] = price.split(".")
  const cents = (BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2))) * BigInt(quantity)
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`
}

async function productsView() {
  const { products } = await sdk.store.product.list({
    region_id: config.regionId,
    fields: "*variants.calculated_price",
  })
  const cards = await Promise.all(
    products.map(
      async (p) =>
        html`<div class="card">
          <a href="#/product/${p.id}"><h3>${escape(p.title)}</h3></a>
          <div class="price">${zl(priceOf(p))}</div>
          ${(await badge(priceOf(p))).html}
        </div>`,
    ),
  )
  app.innerHTML = `<h1>Produkty</h1><div class="grid">${cards.join("")}</div>`
}

async function productView(id: string) {
  const { product } = await sdk.store.product.retrieve(id, {
    region_id: config.regionId,
    fields: "*variants.calculated_price",
  })
  const unit = priceOf(product)
  app.innerHTML = html`<div class="card">
    <h1>${escape(product.title)}</h1>
    <div class="price">${zl(unit)}</div>
    <div id="badge"></div>
    <form id="buy">
      <label>Ilość <input id="qty" type="number" min="1" max="10" value="1" /></label>
      <button type="submit" disabled>Kup na raty Inbank</button>
      <p class="muted" id="not-eligible" hidden>Ta kwota jest poza zakresem rat Inbank.</p>
    </form>
  </div>`
  const quantity = () => Math.max(1, Number((document.getElementById("qty") as HTMLInputElement).value) || 1)
  const buy = document.querySelector("#buy button") as HTMLButtonElement
  // The button waits for the offers: it is offered only where Inbank finances the amount.
  const refresh = async () => {
    buy.disabled = true
    const { html: badgeHtml, eligible } = await badge(times(unit, quantity()))
    document.getElementById("badge")!.innerHTML = badgeHtml
    document.getElementById("not-eligible")!.hidden = eligible
    buy.disabled = !eligible
  }
  document.getElementById("qty")!.addEventListener("input", later(refresh))
  await refresh()
  document.getElementById("buy")!.addEventListener(
    "submit",
    later(async (event) => {
      event.preventDefault()
      const { cart } = await sdk.store.cart.create({
        region_id: config.regionId,
        items: [{ variant_id: product.variants![0].id, quantity: quantity() }],
      })
      location.hash = `#/checkout/${cart.id}`
    }),
  )
}

const field = (name: string, label: string, value = "", type = "text") =>
  `<label>${label}<input name="${name}" type="${type}" value="${escape(value)}" required /></label>`

function checkoutView(cartId: string) {
  app.innerHTML = `<h1>Dane do zamówienia i wniosku</h1>
  <form id="checkout">
    <fieldset><legend>Dostawa</legend>
      ${field("email", "E-mail", "", "email")}${field("mobile", "Telefon komórkowy", "+48")}
      ${field("first_name", "Imię")}${field("last_name", "Nazwisko")}
      ${field("street", "Ulica")}${field("house_number", "Numer domu")}
      ${field("postal_code", "Kod pocztowy", "00-001")}${field("city", "Miejscowość", "Warszawa")}
    </fieldset>
    <fieldset><legend>Wniosek o raty Inbank</legend>
      ${field("identity_code", "PESEL")}
      <label>Dokument<select name="document_type"><option value="id_card">dowód osobisty</option><option value="passport">paszport</option></select></label>
      ${field("document_number", "Numer dokumentu")}
      ${field("monthly_income", "Miesięczny dochód netto (zł)")}${field("monthly_obligations", "Miesięczne zobowiązania (zł)", "0")}
      <label>Okres<select name="period" id="period" required></select></label>
      <label class="wide"><span><input type="checkbox" name="consent" required /> Wyrażam zgodę na przetwarzanie moich danych przez Inbank w celu oceny wniosku.</span></label>
    </fieldset>
    <p class="error" id="error"></p>
    <button type="submit">Wyślij wniosek</button>
  </form>`
  const form = document.getElementById("checkout") as HTMLFormElement
  void periodChoices(cartId)
  form.addEventListener(
    "submit",
    later(async (event) => {
      event.preventDefault()
      const v = Object.fromEntries(new FormData(form)) as Record<string, string>
      const button = form.querySelector("button")!
      button.disabled = true
      try {
        const address = {
          first_name: v.first_name,
          last_name: v.last_name,
          address_1: `${v.street} ${v.house_number}`,
          city: v.city,
          postal_code: v.postal_code,
          country_code: "pl",
        }
        await sdk.store.cart.update(cartId, { email: v.email, shipping_address: address, billing_address: address })
        const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
        await sdk.store.cart.addShippingMethod(cartId, { option_id: shipping_options[0].id })
        await api.apply(cartId, {
          period: Number(v.period),
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
          consents: [
            { type: "DATA_PROCESSING", value: true, text: form.querySelector("label.wide span")!.textContent.trim() },
          ],
        })
        location.hash = `#/inbank/${cartId}`
      } catch (error) {
        document.getElementById("error")!.textContent = (error as Error).message
        button.disabled = false
      }
    }),
  )
}

/**
 * The period select: exactly the periods the shop offers for the cart's total (the offers route), the shop's
 * default first chosen.
 */
async function periodChoices(cartId: string) {
  const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "total" })
  const offers = await api.offers(String(cart.total)).catch(() => null)
  const periods = offers?.periods ?? []
  const chosen =
    offers?.default_period && periods.includes(offers.default_period)
      ? offers.default_period
      : periods.includes(12)
        ? 12
        : periods[0]
  const monthly = new Map(offers?.offers.map((o) => [o.period, o.monthly_payment]) ?? [])
  document.getElementById("period")!.innerHTML = periods
    .map(
      (p) => `<option value="${p}"${p === chosen ? " selected" : ""}>${p} mies. — rata ${zl(monthly.get(p))}</option>`,
    )
    .join("")
}

function offerTable(state: InbankState) {
  const o = state.offer!
  return `<table data-testid="offer">
    <tr><td>Kwota kredytu</td><td>${zl(state.application.amount)}</td></tr>
    <tr><td>Okres</td><td>${o.period} mies.</td></tr>
    <tr><td>Rata miesięczna</td><td data-testid="monthly">${zl(o.monthly_payment)}</td></tr>
    <tr><td>Oprocentowanie nominalne</td><td>${percent(o.interest_rate_annual)}</td></tr>
    <tr><td>RRSO</td><td>${percent(o.apr)}</td></tr>
    <tr><td>Całkowity koszt kredytu</td><td>${zl(o.total_cost_of_credit)}</td></tr>
    <tr><td>Całkowita kwota do zapłaty</td><td>${zl(o.total_cost)}</td></tr></table>
    <p class="muted">Przykład reprezentatywny: ${zl(state.application.amount)} na ${o.period} mies., rata ${zl(o.monthly_payment)}, RRSO ${percent(o.apr)}, do zapłaty ${zl(o.total_cost)}.</p>`
}

/** Completes the cart: after the contract's signature this places the order. */
async function placeOrder(cartId: string) {
  const result = await sdk.store.cart.complete(cartId).catch(() => null)
  if (result?.type === "order") {
    location.hash = `#/done/${result.order.display_id}`
    return
  }
  await inbankView(cartId)
}

/** "Accept and sign": Inbank accepts the offer (the contract is created) and sends its SMS code. */
async function acceptOffer(cartId: string) {
  try {
    await api.sendCode(cartId, "contract")
  } catch (error) {
    document.getElementById("error")!.textContent = (error as Error).message
    return
  }
  await inbankView(cartId)
}

async function inbankView(cartId: string) {
  window.clearTimeout(poll)
  let state: InbankState
  try {
    state = await api.state(cartId)
  } catch (error) {
    app.innerHTML = `<p class="error">${errorText(error)}</p>`
    return
  }
  const type = state.next_action.type
  const head = `<h1>Raty Inbank</h1><p data-testid="message">${escape(state.next_action.message)}</p>`
  if (type === "wait") {
    app.innerHTML = head
    poll = window.setTimeout(
      later(() => inbankView(cartId)),
      1500,
    )
  } else if (type === "complete_cart") {
    // A signed contract (the order's completion failed or is still to come) needs only the order placed.
    const signed = Boolean(state.contract)
    app.innerHTML = `${head}<div class="card">${offerTable(state)}<p class="error" id="error"></p><button id="accept">${signed ? "Zamawiam" : "Akceptuję ofertę i zamawiam"}</button></div>`
    document.getElementById("accept")!.addEventListener("click", (e) => {
      ;(e.target as HTMLButtonElement).disabled = true
      void (signed ? placeOrder(cartId) : acceptOffer(cartId)).finally(
        () => ((e.target as HTMLButtonElement).disabled = false),
      )
    })
  } else if (type === "sign_contract" || type === "sign_application") {
    const subject = type === "sign_contract" ? "contract" : "application"
    if (subject === "application") await api.sendCode(cartId, subject).catch(() => undefined)
    app.innerHTML = `${head}<form id="code" class="card"><label>Kod SMS<input name="code" inputmode="numeric" autocomplete="one-time-code" required /></label>
      <p class="muted">W środowisku testowym SMS-y trafiają do <a href="${config.sandboxUrl}/sms" target="_blank">skrzynki SMS sandboxa</a>.</p>
      <p class="error" id="error"></p><button type="submit">Podpisz</button>
      <button type="button" id="resend" class="link">Nie dostałem kodu — wyślij ponownie</button></form>`
    document.getElementById("resend")!.addEventListener(
      "click",
      later(async () => {
        await api
          .sendCode(cartId, subject)
          .catch((error) => (document.getElementById("error")!.textContent = (error as Error).message))
      }),
    )
    document.getElementById("code")!.addEventListener(
      "submit",
      later(async (event) => {
        event.preventDefault()
        const code = new FormData(event.target as HTMLFormElement).get("code")
        try {
          await api.confirmCode(cartId, subject, typeof code === "string" ? code : "")
          if (subject === "contract") await placeOrder(cartId)
          else await inbankView(cartId)
        } catch (error) {
          document.getElementById("error")!.textContent = (error as Error).message
        }
      }),
    )
  } else if (type === "bank_verification" || type === "upload_income_proof") {
    const banks = await api.banks(cartId)
    app.innerHTML = `${head}<div class="card"><p>Wybierz swój bank:</p>${banks.map((b) => `<button data-bank="${escape(b.id)}">${escape(b.name)}</button> `).join("")}
      ${type === "upload_income_proof" ? `<p>albo prześlij wyciąg z konta (PDF, JPG, PNG):</p><input type="file" id="files" multiple accept=".pdf,.jpg,.png" /><button id="upload">Prześlij</button>` : ""}
      <p class="error" id="error"></p></div>`
    app.querySelectorAll<HTMLButtonElement>("[data-bank]").forEach((button) =>
      button.addEventListener(
        "click",
        later(async () => (location.href = await api.bank(cartId, button.dataset.bank!))),
      ),
    )
    document.getElementById("upload")?.addEventListener(
      "click",
      later(async () => {
        try {
          await api.incomeProof(cartId, (document.getElementById("files") as HTMLInputElement).files!)
          await inbankView(cartId)
        } catch (error) {
          document.getElementById("error")!.textContent = (error as Error).message
        }
      }),
    )
    if (type === "bank_verification")
      poll = window.setTimeout(
        later(() => inbankView(cartId)),
        3000,
      )
  } else if (type === "declined") {
    app.innerHTML = `${head.replace("<p ", '<p class="error" ')}<p><a href="#/">Wróć do sklepu</a> i wybierz inną metodę płatności.</p>`
  } else {
    await placeOrder(cartId)
  }
}

function doneView(displayId: string) {
  app.innerHTML = `<div class="card" data-testid="confirmation"><h1>Dziękujemy za zamówienie!</h1>
    <p>Zamówienie nr <strong>${escape(displayId)}</strong> zostało złożone i jest finansowane przez Inbank.
    Wyślemy je, gdy sklep potwierdzi umowę.</p><p><a href="#/">Wróć do sklepu</a></p></div>`
}

async function route() {
  window.clearTimeout(poll)
  const [, view, id] = location.hash.split("/")
  try {
    if (view === "product") await productView(id)
    else if (view === "checkout") checkoutView(id)
    else if (view === "inbank") await inbankView(id)
    else if (view === "done") doneView(id)
    else await productsView()
  } catch (error) {
    app.innerHTML = `<p class="error">${errorText(error)}</p>`
  }
}

window.addEventListener("hashchange", later(route))
void route()
