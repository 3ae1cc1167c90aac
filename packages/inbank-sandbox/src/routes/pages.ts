import express, { Router } from "express"
import { BANKS } from "../bank"
import { SandboxError } from "../errors"
import type { Sandbox } from "../server"

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!)

const page = (title: string, body: string) => `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)} · sandbox Inbank</title>
<style>
body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}.sms{border:1px solid #ddd;border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0}
.code{font-size:1.6rem;font-weight:700;letter-spacing:.2rem}.muted{color:#666;font-size:.85rem}
button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem;cursor:pointer}input{font-size:1rem;padding:.4rem}
label{display:block;margin-bottom:.25rem}
</style></head><body>${body}</body></html>`

const digits = (text: string) => text.replace(/\D/g, "")

/** Whether `query` (9 digits at least, spaces and "+48" optional) names the phone `stored`. */
const samePhone = (stored: string, query: string) => digits(query).length >= 9 && digits(stored).endsWith(digits(query))

/** The pages a person sees: the SMS simulator, the bank's AIS consent page, contract printouts. */
export function pages(sandbox: Sandbox): Router {
  const router = express.Router()
  const { state } = sandbox.bank

  router.get("/", (_req, res) => {
    res.type("html").send(
      page(
        "Sandbox Inbank",
        `<h1>Sandbox Inbank</h1><p>Testowe Partner API pod adresem <code>${escape(sandbox.publicUrl)}/partner/v2/shops/${escape(sandbox.settings.shopUuid)}/…</code> (oraz <code>/partner/v3/</code>).</p>
<p><a href="/sms">Skrzynka SMS</a> · <a href="/__sandbox/settings">ustawienia</a> · <a href="/__sandbox/requests">dziennik żądań</a> · <a href="/__sandbox/callbacks">callbacki</a></p>`,
      ),
    )
  })

  // Like the vendor's SMS simulator: search by the phone number given in the application. In Polish: the demo's
  // shopper opens it to read the code. The number matches however it is spelt ("600 100 200", "+48600100200").
  router.get("/sms", (req, res) => {
    const phone = typeof req.query.phone === "string" ? req.query.phone.trim() : ""
    const messages = state.sms
      .filter((m) => samePhone(m.phone, phone))
      .slice()
      .reverse()
    const list = messages
      .map(
        (m) => `<div class="sms"><div class="muted">${escape(m.sentAt)} → ${escape(m.phone)}</div>
<div>${escape(m.text)}</div><div class="code" data-code="${escape(m.code)}">${escape(m.code)}</div></div>`,
      )
      .join("")
    res.type("html").send(
      page(
        "Skrzynka SMS",
        `<h1>Skrzynka SMS sandboksa Inbank</h1>
<p class="muted">Środowisko testowe nie wysyła prawdziwych SMS-ów: kody trafiają tutaj.</p>
<form method="get" action="/sms"><label for="phone">Numer telefonu z wniosku</label>
<input id="phone" name="phone" type="tel" placeholder="+48 600 100 200" value="${escape(phone)}">
<button type="submit">Szukaj</button></form>${phone ? list || "<p>Brak wiadomości dla tego numeru.</p>" : "<p>Wpisz numer telefonu podany we wniosku kredytowym.</p>"}`,
      ),
    )
  })

  router.get("/ais/:id", (req, res) => {
    const retrieval = state.retrievals.get(req.params.id)
    if (!retrieval) {
      res
        .status(404)
        .type("html")
        .send(page("Nie znaleziono", "<h1>Nie ma takiej sesji bankowej (wygasła albo już ją zakończono)</h1>"))
      return
    }
    const bank = BANKS.find((b) => b.id === retrieval.bankId)!
    const why = retrieval.purpose === "income_proof" ? "ocenić Twoje dochody" : "potwierdzić Twoją tożsamość"
    res.type("html").send(
      page(
        bank.name,
        `<h1>${escape(bank.name)}</h1><p>Inbank prosi o dostęp do historii Twojego rachunku, aby ${why}.</p>
${
  retrieval.completed
    ? "<p>Dane zostały już udostępnione.</p>"
    : `<form method="post" action="/ais/${escape(retrieval.id)}/complete" style="display:inline"><button type="submit">Udostępnij dane</button></form>
<form method="post" action="/ais/${escape(retrieval.id)}/cancel" style="display:inline"><button type="submit">Anuluj</button></form>`
}`,
      ),
    )
  })

  const back = (res: express.Response, returnUrl: string | null, id: string, status: string) => {
    if (!returnUrl) {
      res
        .type("html")
        .send(
          page(
            "Done",
            `<h1>${status === "completed" ? "Dane udostępnione" : "Anulowano"}</h1><p>Możesz zamknąć to okno.</p>`,
          ),
        )
      return
    }
    const url = new URL(returnUrl)
    url.searchParams.set("retrieval_id", id)
    url.searchParams.set("status", status)
    res.redirect(303, url.toString())
  }

  router.post("/ais/:id/complete", (req, res, next) => {
    try {
      const retrieval = sandbox.bank.completeRetrieval(req.params.id)
      back(res, retrieval.returnUrl, retrieval.id, "completed")
    } catch (error) {
      next(error)
    }
  })

  router.post("/ais/:id/cancel", (req, res) => {
    const retrieval = state.retrievals.get(req.params.id)
    if (!retrieval) {
      res
        .status(404)
        .type("html")
        .send(page("Nie znaleziono", "<h1>Nie ma takiej sesji bankowej (wygasła albo już ją zakończono)</h1>"))
      return
    }
    back(res, retrieval.returnUrl, retrieval.id, "cancelled")
  })

  router.get("/printouts/:uuid", (req, res) => {
    const contract = [...state.contracts.values()].find((c) => c.printoutUuid === req.params.uuid)
    if (!contract) {
      res
        .status(404)
        .type("html")
        .send(page("Nie znaleziono", "<h1>Nie ma takiego wydruku umowy (mógł zostać wygenerowany ponownie)</h1>"))
      return
    }
    const application = sandbox.bank.contractApplication(contract)
    res.type("html").send(
      page(
        `Umowa ${contract.number}`,
        `<h1>Umowa kredytu ratalnego nr ${escape(contract.number)}</h1>
<p>Kwota kredytu: ${escape(application.amount)} PLN · okres: ${application.period} mies. · status: ${escape(contract.status)}</p>
<p class="muted">Wydruk wygenerowany przez Inbank sandbox — dokument testowy.</p>`,
      ),
    )
  })

  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!(error instanceof SandboxError)) return next(error)
    res
      .status(error.status)
      .type("html")
      .send(page("Błąd", `<h1>${escape(error.messages.join("; "))}</h1>`))
  })
  return router
}
