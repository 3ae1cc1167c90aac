import { api, config, InbankState, Refusal } from "./api"
import { escape } from "./format"

/** Whether the shopper ticked "I have read the contract", per cart: kept while the step is drawn again. */
const readContract = new Set<string>()
let countdown: number | undefined

/**
 * The SMS step. For the contract: its document first, and the code can be entered only once the
 * shopper confirms having read it. The phone the code went to (masked), tries left, a void code's
 * notice, and "send a new code" with its cooldown in seconds.
 */
export function signingView(
  cartId: string,
  state: InbankState,
  subject: "application" | "contract",
  notice = "",
): string {
  const signing = state.signing ?? { phone: null, attempts_left: 0, code_void: false, resend_in_seconds: 0 }
  const contract = subject === "contract"
  const document = state.documents.find((d) => d.type === "contract")
  const read = !contract || readContract.has(cartId)
  const documentPart = contract
    ? `<section class="card" aria-labelledby="doc-title"><h2 id="doc-title">Umowa kredytu</h2>
      ${
        document
          ? `<p>Przed podpisaniem przeczytaj umowę kredytu ratalnego Inbank.</p>
           <p><a href="${escape(document.url)}" target="_blank" rel="noopener" data-testid="contract-document">Otwórz umowę kredytu (nowa karta)</a></p>`
          : `<p class="muted">Dokument umowy jest przygotowywany. Odśwież stronę za chwilę.</p>`
      }
      <label class="check"><input type="checkbox" id="read-contract" ${read ? "checked" : ""} ${document ? "" : "disabled"} /><span>Zapoznałem/am się z umową</span></label></section>`
    : ""
  const phone = signing.phone ? ` na numer <strong data-testid="masked-phone">${escape(signing.phone)}</strong>` : ""
  const status = signing.code_void
    ? `<p class="error" data-testid="code-void">Ten kod jest już nieważny. Wyślij nowy kod.</p>`
    : `<p class="muted" data-testid="attempts-left">Pozostałe próby dla tego kodu: ${signing.attempts_left}</p>`
  return `${documentPart}<form id="code" class="card" novalidate><fieldset id="code-fields" ${read ? "" : "disabled"}>
      <legend>Podpis kodem SMS</legend>
      <p>Kod SMS wysłaliśmy${phone}.</p>
      <label>Kod SMS<input name="code" inputmode="numeric" autocomplete="one-time-code" ${signing.code_void ? "disabled" : ""} /></label>
      ${status}
      <p class="muted">W środowisku testowym SMS-y trafiają do <a href="${config.sandboxUrl}/sms" target="_blank" rel="noopener">skrzynki SMS sandboksa Inbank</a>.</p>
      <p class="notice" role="status">${escape(notice)}</p>
      <p class="error" id="error" role="alert"></p>
      <div class="actions"><button type="submit" ${signing.code_void ? "disabled" : ""}>Podpisz</button>
      <button type="button" id="resend" class="secondary" data-wait="${signing.resend_in_seconds}">Wyślij nowy kod</button></div>
    </fieldset></form>`
}

/**
 * Wires the SMS step: the "read" checkbox unlocks the code, the resend button counts its cooldown down,
 * a wrong code shows the shop's message and the step again (tries left), the right one goes on (`signed`).
 * `show(notice?, error?)` draws the step again from a fresh state.
 */
export function wireSigning(
  cartId: string,
  subject: "application" | "contract",
  show: (notice?: string, error?: string) => Promise<void>,
  signed: () => Promise<void>,
): void {
  const fields = document.getElementById("code-fields") as HTMLFieldSetElement
  document.getElementById("read-contract")?.addEventListener("change", (event) => {
    const checked = (event.target as HTMLInputElement).checked
    if (checked) readContract.add(cartId)
    else readContract.delete(cartId)
    fields.disabled = !checked
  })
  const resend = document.getElementById("resend") as HTMLButtonElement
  startCountdown(resend)
  const sendAgain = async () => {
    resend.disabled = true
    try {
      await api.sendCode(cartId, subject)
      await show("Wysłaliśmy nowy kod SMS.")
    } catch (error) {
      await show("", error instanceof Refusal ? error.message : "Nie udało się wysłać kodu. Spróbuj ponownie.")
    }
  }
  const confirm = async (form: HTMLFormElement) => {
    const value = new FormData(form).get("code")
    const code = typeof value === "string" ? value : ""
    try {
      await api.confirmCode(cartId, subject, code)
      await signed()
    } catch (error) {
      await show("", error instanceof Refusal ? error.message : "Nie udało się sprawdzić kodu. Spróbuj ponownie.")
    }
  }
  resend.addEventListener("click", () => void sendAgain())
  document.getElementById("code")!.addEventListener("submit", (event) => {
    event.preventDefault()
    void confirm(event.target as HTMLFormElement)
  })
}

/** "Wyślij nowy kod (za 27 s)", disabled until the cooldown the state gave is over. */
function startCountdown(button: HTMLButtonElement): void {
  window.clearInterval(countdown)
  let seconds = Number(button.dataset.wait)
  const tick = () => {
    button.disabled = seconds > 0
    button.textContent = seconds > 0 ? `Wyślij nowy kod (za ${seconds} s)` : "Wyślij nowy kod"
    if (seconds <= 0) window.clearInterval(countdown)
    seconds -= 1
  }
  tick()
  countdown = window.setInterval(tick, 1000)
}
