import { api, CompleteAnswer, config, InbankState, Offers, sdk, ShopProduct } from "./api"
import { cartSummary } from "./cart-summary"
import { checkoutView } from "./checkout"
import { escape, percent, zl } from "./format"
import { offerTable, periodChanger, wirePeriodChanger } from "./offer"
import { signingView, wireSigning } from "./signing"

/** A tiny demo shop: products with the instalment badge, checkout, and the Inbank steps led by `next_action`. */

const app = document.getElementById("app")!
let poll: number | undefined
/** Carts whose application-signing code was sent on opening the step (the resend button sends others). */
const applicationCodeSent = new Set<string>()

/**
 * Draws a view and moves the focus to its heading, so that keyboard and screen-reader users start at the top
 * of each step.
 */
function show(content: string): void {
  app.innerHTML = content
  app.querySelector<HTMLElement>("h1")?.focus()
}

/** A checkout step: its content beside (on a phone: under) the cart summary. */
const step = async (cartId: string, content: string) =>
  `<div class="step"><div>${content}</div>${await cartSummary(cartId)}</div>`

/** The representative example and a period calculator behind the badge's info button. */
function exampleDetails(offers: Offers): string {
  const example = offers.representative_example
  if (!example) return ""
  const options = offers.offers
    .map(
      (o) => `<option value="${o.period}"${o.period === example.period ? " selected" : ""}>${o.period} mies.</option>`,
    )
    .join("")
  return `<details class="example" data-testid="representative-example"><summary aria-label="Przykład reprezentatywny i kalkulator rat">i</summary>
    <p>Przykład reprezentatywny: cena ${zl(example.amount)}, okres ${example.period} mies., rata ${zl(example.monthly_payment)},
    oprocentowanie ${percent(example.interest_rate_annual)}, RRSO ${percent(example.apr)}, całkowity koszt kredytu ${zl(example.total_cost_of_credit)},
    całkowita kwota do zapłaty ${zl(example.total_to_repay)}. Kredytodawca: Inbank.</p>
    <p class="calculator"><label>Kalkulator rat: okres <select data-testid="calculator-period">${options}</select></label>
    <output data-testid="calculator-monthly">rata ${zl(example.monthly_payment)}</output></p></details>`
}

/**
 * The instalment badge: the lowest instalment the checkout offers, with its representative example and
 * calculator behind an info button.
 */
async function badge(amount: string): Promise<{ html: string; eligible: boolean; offers: Offers | null }> {
  const offers = await api.offers(amount).catch(() => null)
  if (!offers?.eligible) return { html: "", eligible: false, offers: null }
  return {
    html: `<span class="badge" data-testid="badge">od ${zl(offers.lowest_monthly_payment)}/mies.</span>${exampleDetails(offers)}`,
    eligible: true,
    offers,
  }
}

/** The calculator: the instalment of the period chosen in the badge's select. */
function wireCalculator(root: ParentNode, offers: Offers | null): void {
  const select = root.querySelector<HTMLSelectElement>('[data-testid="calculator-period"]')
  if (!select || !offers) return
  const monthly = new Map(offers.offers.map((o) => [String(o.period), o.monthly_payment]))
  select.addEventListener(
    "change",
    () =>
      (root.querySelector('[data-testid="calculator-monthly"]')!.textContent = `rata ${zl(monthly.get(select.value))}`),
  )
}

const priceOf = (product: ShopProduct) => String(product.variants![0].calculated_price!.calculated_amount)

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
      async (p) => `<div class="card"><a href="#/product/${p.id}"><h2>${escape(p.title)}</h2></a>
      <div class="price">${zl(priceOf(p))}</div>${(await badge(priceOf(p))).html}</div>`,
    ),
  )
  show(`<h1 tabindex="-1">Produkty</h1><div class="grid">${cards.join("")}</div>`)
}

async function productView(id: string) {
  const { product } = await sdk.store.product.retrieve(id, {
    region_id: config.regionId,
    fields: "*variants.calculated_price",
  })
  const unit = priceOf(product)
  show(`<div class="card"><h1 tabindex="-1">${escape(product.title)}</h1><div class="price">${zl(unit)}</div>
    <div id="badge"></div>
    <form id="buy"><label>Ilość <input id="qty" type="number" min="1" max="10" value="1" /></label>
    <button type="submit" disabled>Kup na raty Inbank</button><p class="muted" id="not-eligible" hidden>Ta kwota jest poza zakresem rat Inbank.</p></form></div>`)
  const quantity = () => Math.max(1, Number((document.getElementById("qty") as HTMLInputElement).value) || 1)
  const buy = document.querySelector("#buy button") as HTMLButtonElement
  // The button waits for the offers: it is offered only where Inbank finances the amount.
  const holder = document.getElementById("badge")!
  const notEligible = document.getElementById("not-eligible")!
  const refresh = async () => {
    buy.disabled = true
    const { html, eligible, offers } = await badge(times(unit, quantity()))
    holder.innerHTML = html
    wireCalculator(holder, offers)
    notEligible.hidden = eligible
    buy.disabled = !eligible
  }
  const order = async () => {
    if (buy.disabled) return
    const { cart } = await sdk.store.cart.create({
      region_id: config.regionId,
      items: [{ variant_id: product.variants![0].id, quantity: quantity() }],
    })
    location.hash = `#/checkout/${cart.id}`
  }
  document.getElementById("qty")!.addEventListener("input", () => void refresh())
  document.getElementById("buy")!.addEventListener("submit", (event) => {
    event.preventDefault()
    void order()
  })
  await refresh()
}

/** Completes the cart: after the contract's signature this places the order. */
async function placeOrder(cartId: string) {
  const result: CompleteAnswer | null = await sdk.store.cart.complete(cartId).catch(() => null)
  if (result?.type === "order") {
    location.hash = `#/done/${cartId}/${result.order.display_id}`
    return
  }
  await inbankView(cartId)
}

const back = (cartId: string) => `<p><a href="#/checkout/${cartId}">← Wróć do formularza</a></p>`

/** The Inbank step the application is at (`next_action`), drawn again from a fresh state. */
async function inbankView(cartId: string, notice = "", error = ""): Promise<void> {
  window.clearTimeout(poll)
  let state: InbankState
  try {
    state = await api.state(cartId)
  } catch (refused) {
    show(
      await step(
        cartId,
        `<h1 tabindex="-1">Raty Inbank</h1><p class="error">${escape((refused as Error).message)}</p>${back(cartId)}`,
      ),
    )
    return
  }
  const type = state.next_action.type
  const head = `<h1 tabindex="-1">Raty Inbank</h1><p data-testid="message">${escape(state.next_action.message)}</p>`
  if (type === "wait") {
    show(await step(cartId, head))
    poll = window.setTimeout(() => void inbankView(cartId), 1500)
  } else if (type === "complete_cart") {
    // A signed contract (the order's completion failed or is still to come) needs only the order placed.
    const signed = Boolean(state.contract)
    show(
      await step(
        cartId,
        `${head}<div class="card">${offerTable(state)}${signed ? "" : await periodChanger(cartId, state)}
      <p class="error" id="error" role="alert">${escape(error)}</p>
      <button id="accept">${signed ? "Zamawiam" : "Akceptuję ofertę"}</button></div>${signed ? "" : back(cartId)}`,
      ),
    )
    wirePeriodChanger(cartId, () => inbankView(cartId))
    const accept = async (button: HTMLButtonElement) => {
      button.disabled = true
      if (signed) return placeOrder(cartId)
      try {
        await api.sendCode(cartId, "contract")
        await inbankView(cartId)
      } catch (refused) {
        document.getElementById("error")!.textContent = (refused as Error).message
        button.disabled = false
      }
    }
    document.getElementById("accept")!.addEventListener("click", (e) => void accept(e.target as HTMLButtonElement))
  } else if (type === "sign_contract" || type === "sign_application") {
    const subject = type === "sign_contract" ? "contract" : "application"
    // The application's code goes out when the step first opens (the contract's went with the acceptance).
    if (subject === "application" && !applicationCodeSent.has(cartId)) {
      applicationCodeSent.add(cartId)
      state = await api.sendCode(cartId, subject).catch(() => state)
    }
    show(await step(cartId, `${head}${signingView(cartId, state, subject, notice)}`))
    if (error) document.getElementById("error")!.textContent = error
    wireSigning(
      cartId,
      subject,
      (n, e) => inbankView(cartId, n, e),
      () => (subject === "contract" ? placeOrder(cartId) : inbankView(cartId)),
    )
    // After a wrong code or a new one, the keyboard stays where the shopper acts next: the code, or "send a
    // new code".
    if (notice || error)
      (app.querySelector<HTMLElement>('input[name="code"]:enabled') ?? document.getElementById("resend"))?.focus()
  } else if (type === "bank_verification" || type === "upload_income_proof") {
    const banks = await api.banks(cartId)
    show(
      await step(
        cartId,
        `${head}<div class="card"><p>Wybierz swój bank:</p>${banks.map((b) => `<button data-bank="${escape(b.id)}">${escape(b.name)}</button> `).join("")}
      ${type === "upload_income_proof" ? `<p>albo prześlij wyciąg z konta (PDF, JPG, PNG):</p><input type="file" id="files" multiple accept=".pdf,.jpg,.png" /><button id="upload">Prześlij</button>` : ""}
      <p class="error" id="error" role="alert"></p></div>`,
      ),
    )
    app
      .querySelectorAll<HTMLButtonElement>("[data-bank]")
      .forEach((button) =>
        button.addEventListener(
          "click",
          () => void api.bank(cartId, button.dataset.bank!).then((url) => (location.href = url)),
        ),
      )
    const upload = async () => {
      try {
        await api.incomeProof(cartId, (document.getElementById("files") as HTMLInputElement).files!)
        await inbankView(cartId)
      } catch (refused) {
        document.getElementById("error")!.textContent = (refused as Error).message
      }
    }
    document.getElementById("upload")?.addEventListener("click", () => void upload())
    if (type === "bank_verification") poll = window.setTimeout(() => void inbankView(cartId), 3000)
  } else if (type === "declined") {
    // The plugin's message sends the shopper to another payment method; this shop has Inbank alone, so it says
    // what the shopper can do here instead. A positive decision ends here only when the offer or contract was
    // cancelled (expired, or by the shop).
    const why =
      state.application.decision_status === "positive"
        ? "Wniosek o raty Inbank na ten zakup został anulowany."
        : "Inbank nie zaakceptował wniosku o raty na ten zakup."
    show(
      await step(
        cartId,
        `<h1 tabindex="-1">Raty Inbank</h1><p class="error" data-testid="message">${why}</p>
        <p>Możesz <a href="#/">wrócić do sklepu</a> i zmienić zamówienie albo spróbować ponownie później.</p>`,
      ),
    )
  } else {
    await placeOrder(cartId)
  }
}

/** The confirmation: order and contract numbers, the schedule in short, and the right of withdrawal. */
async function doneView(cartId: string, displayId: string) {
  const state = await api.state(cartId).catch(() => null)
  const offer = state?.offer
  const document = state?.documents.find((d) => d.type === "contract")
  show(`<div class="card" data-testid="confirmation"><h1 tabindex="-1">Dziękujemy za zamówienie!</h1>
    <p>Zamówienie nr <strong data-testid="order-number">${escape(displayId)}</strong> zostało złożone i jest finansowane przez Inbank.
    Wyślemy je, gdy sklep potwierdzi umowę.</p>
    ${state?.contract?.number ? `<p>Umowa kredytu nr <strong data-testid="contract-number">${escape(state.contract.number)}</strong>${document ? ` (<a href="${escape(document.url)}" target="_blank" rel="noopener">dokument umowy</a>)` : ""}</p>` : ""}
    ${
      offer
        ? `<h2>Harmonogram spłaty</h2><table data-testid="schedule">
      <tr><th scope="row">Okres</th><td>${offer.period} mies.</td></tr>
      <tr><th scope="row">Rata miesięczna</th><td>${zl(offer.monthly_payment)}</td></tr>
      <tr><th scope="row">Całkowita kwota do zapłaty</th><td>${zl(offer.total_cost)}</td></tr></table>`
        : ""
    }
    <h2>Prawo odstąpienia od umowy</h2>
    <p data-testid="withdrawal">Możesz odstąpić od umowy kredytu bez podania przyczyny w terminie 14 dni od dnia jej zawarcia
    (art. 53 ustawy o kredycie konsumenckim). Wystarczy, że przed upływem tego terminu wyślesz Inbank oświadczenie o odstąpieniu;
    w ciągu 30 dni od jego złożenia zwracasz wypłaconą kwotę kredytu wraz z odsetkami należnymi za okres od wypłaty do spłaty.</p>
    <p><a href="#/">Wróć do sklepu</a></p></div>`)
}

async function route() {
  window.clearTimeout(poll)
  const shown = location.hash
  const [, view, id, extra] = shown.split("/")
  try {
    if (view === "product") await productView(id)
    else if (view === "checkout") await checkoutView(app, id).then(() => app.querySelector<HTMLElement>("h1")?.focus())
    else if (view === "inbank") await inbankView(id)
    else if (view === "done") await doneView(id, extra)
    else await productsView()
  } catch (error) {
    console.error(error)
    // A view the shopper has already left does not replace the current one.
    if (location.hash !== shown) return
    show(
      `<h1 tabindex="-1">Coś poszło nie tak</h1><p class="error">Nie udało się wczytać strony. Odśwież ją za chwilę.</p>`,
    )
  }
}

window.addEventListener("hashchange", () => void route())
void route()
