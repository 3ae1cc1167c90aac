import { api, InbankState, Refusal } from "./api"
import { applicationBody, applyOnce, periodOptions, typedFor } from "./checkout"
import { percent, zl } from "./format"
import { progressRegion, showProgress } from "./progress"

/** The offer as the consumer-credit act wants it read: amount, period, instalment, rates, costs, total to repay. */
export function offerTable(state: InbankState): string {
  const o = state.offer!
  return `<table data-testid="offer">
    <tr><th scope="row">Kwota kredytu</th><td>${zl(state.application.amount)}</td></tr>
    <tr><th scope="row">Okres</th><td>${o.period} mies.</td></tr>
    <tr><th scope="row">Rata miesięczna</th><td data-testid="monthly">${zl(o.monthly_payment)}</td></tr>
    <tr><th scope="row">Oprocentowanie nominalne</th><td>${percent(o.interest_rate_annual)}</td></tr>
    <tr><th scope="row">RRSO</th><td>${percent(o.apr)}</td></tr>
    <tr><th scope="row">Całkowity koszt kredytu</th><td>${zl(o.total_cost_of_credit)}</td></tr>
    <tr><th scope="row">Całkowita kwota do zapłaty</th><td>${zl(o.total_cost)}</td></tr></table>
    <p class="muted">Przykład reprezentatywny: ${zl(state.application.amount)} na ${o.period} mies., rata ${zl(o.monthly_payment)}, RRSO ${percent(o.apr)}, do zapłaty ${zl(o.total_cost)}.</p>`
}

/**
 * The period chooser under the offer: the shop's periods for this amount (the offers route); another
 * period sends the application again with the form the shopper filled in (re-application done for them).
 * Without that form (the page was reloaded) it leads back to the form.
 */
export async function periodChanger(cartId: string, state: InbankState): Promise<string> {
  if (!typedFor(cartId))
    return `<p class="muted">Aby zmienić okres spłaty, <a href="#/checkout/${cartId}">wróć do formularza</a>.</p>`
  const offers = await api.offers(state.application.amount).catch(() => null)
  if (!offers?.periods?.length) return ""
  return `<form id="change-period" class="inline"><label>Inny okres spłaty<select name="period">${periodOptions(offers.offers, offers.periods, state.application.period)}</select></label>
    <button type="submit" class="secondary">Zmień okres</button></form>${progressRegion}`
}

/**
 * Wires the period chooser: a new application with the chosen period, then the new offer (`show` renders
 * the step again).
 */
export function wirePeriodChanger(cartId: string, show: () => Promise<void>): void {
  const form = document.getElementById("change-period") as HTMLFormElement | null
  if (!form) return
  const change = async () => {
    const period = Number(new FormData(form).get("period"))
    const values = { ...typedFor(cartId)!, period: String(period) }
    form.querySelector("button")!.disabled = true
    showProgress("Wysyłamy wniosek z nowym okresem do Inbank… To potrwa kilka sekund.")
    try {
      await applyOnce(cartId, applicationBody(values, period))
      typedFor(cartId)!.period = String(period)
      await show()
    } catch (error) {
      document.getElementById("error")!.textContent =
        error instanceof Refusal ? error.message : "Nie udało się zmienić okresu. Spróbuj ponownie."
      showProgress("")
      form.querySelector("button")!.disabled = false
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault()
    void change()
  })
}
