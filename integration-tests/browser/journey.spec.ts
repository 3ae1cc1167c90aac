import fs from "node:fs"
import path from "node:path"
import getPort from "get-port"
import type { Browser, BrowserContext, Locator, Page } from "playwright-core"
import { Sandbox } from "inbank-sandbox"
import { launchChromium } from "../fixtures/browser"
import { startMedusaApp, RunningMedusa } from "../fixtures/medusa-app"
import { smsCode } from "../fixtures/sandbox"
import { pesel } from "../fixtures/shopper"
const { startStorefront } = require("../../scripts/lib/storefront-server")

jest.setTimeout(600_000)

/**
 * The README's images are refreshed in docs/ only when asked (UPDATE_SCREENSHOTS=1): a plain test run
 * leaves the working tree as it was. Otherwise they go to the git-ignored .cache/screenshots/, to look at.
 */
const SCREENSHOTS = path.resolve(
  __dirname,
  "../..",
  process.env.UPDATE_SCREENSHOTS === "1" ? "docs" : ".cache/screenshots",
)
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Takes a screenshot of the page or an element into SCREENSHOTS and checks a PNG was written. */
async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  const file = path.join(SCREENSHOTS, name)
  const image = await target.screenshot({ path: file, ...options })
  expect(image.subarray(0, 8)).toEqual(PNG_SIGNATURE)
  expect(fs.statSync(file).size).toBe(image.length)
}

let sandbox: Sandbox
let app: RunningMedusa
let storefront: { url: string; stop: () => Promise<void> }
let browser: Browser

beforeAll(async () => {
  sandbox = await new Sandbox({ callbackDelayMs: 0, merchantApproval: true }).start()
  const storefrontPort = await getPort()
  app = await startMedusaApp({
    INBANK_BASE_URL: sandbox.url,
    INBANK_APPLICATION_SIGNING: "false",
    INBANK_SMS_RESEND_SECONDS: "30",
    STORE_CORS: `http://localhost:${storefrontPort}`,
  })
  storefront = await startStorefront(storefrontPort, {
    backendUrl: app.url,
    publishableKey: app.store.publishableKey,
    regionId: app.store.regionId,
    sandboxUrl: sandbox.url,
  })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await storefront?.stop()
  await app?.stop()
  await sandbox?.stop()
})

let shopper = 0

/**
 * Words of English a Polish page must not show (Polish words such as "to" or "na" left out). A match
 * names the text, so an untranslated message is found at once.
 */
const ENGLISH =
  /\b(the|and|your|you|please|error|failed|try again|not found|loading|submit|invalid|required|must|cannot|instalments?|contract|payment|order|amount|period|months?|sign|cart|back|next|is|are|of)\b/i

/** The page as the shopper sees it now: no horizontal scroll at this width, and no English in the visible text. */
async function checkPage(page: Page, where: string) {
  const seen = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    text: document.body.innerText,
  }))
  expect({ where, scrollWidth: seen.scrollWidth }).toEqual({
    where,
    scrollWidth: Math.min(seen.scrollWidth, seen.innerWidth),
  })
  expect({ where, english: seen.text.match(ENGLISH)?.[0] ?? null }).toEqual({ where, english: null })
}

const inbankCalls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length

/**
 * From the product page to the filled-in application form (Polish spellings of the phone and income); answers the
 * mobile typed.
 */
async function fillForm(page: Page, productTitle: string, phoneEnd: number) {
  shopper += 1
  const mobile = `+48 600 100 ${phoneEnd}`
  await page.goto(`${storefront.url}/#/`)
  await page.getByRole("link", { name: productTitle }).click()
  await page.locator("#qty").waitFor()
  await page.getByRole("button", { name: "Kup na raty Inbank" }).click()
  const form = page.locator("#checkout")
  await form.waitFor()
  const fill = (name: string, value: string) => form.locator(`input[name="${name}"]`).fill(value)
  await fill("email", `klient${shopper}@example.com`)
  await fill("mobile", mobile)
  await fill("first_name", "Anna")
  await fill("last_name", "Nowak")
  await fill("street", "Lipowa")
  await fill("house_number", "3")
  await fill("identity_code", pesel(7000 + shopper))
  await fill("document_number", `DEM${String(100000 + shopper)}`)
  await fill("monthly_income", "6 000,50")
  // The periods the shop offers for this total, each with its instalment; 12 months chosen first.
  const periods = form.locator('select[name="period"] option')
  await periods.first().waitFor({ state: "attached" })
  expect(await periods.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
    "3",
    "6",
    "10",
    "12",
    "20",
    "24",
    "30",
    "36",
    "48",
  ])
  expect(await form.locator('select[name="period"]').inputValue()).toBe("12")
  await form.locator('input[name="consent"]').check()
  return { form, mobile: mobile.replace(/ /g, "") }
}

/** The SMS code the sandbox sent last to `mobile`, and a wrong one. */
async function codes(mobile: string) {
  const right = await smsCode(sandbox, mobile)
  return { right, wrong: right === "000000" ? "111111" : "000000" }
}

describe.each([
  { width: 390, height: 844, suffix: "-390" },
  { width: 1280, height: 900, suffix: "" },
])("the shopper at $width px", ({ width, height, suffix }) => {
  it("badge, form, Back, another period, the contract read, three wrong codes, a new code, the confirmation", async () => {
    const context = await browser.newContext({ viewport: { width, height } })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on("pageerror", (error) => pageErrors.push(error.message))
    page.on("console", (message) => message.type() === "error" && pageErrors.push(`console: ${message.text()}`))
    page.on("framenavigated", (frame) => frame === page.mainFrame() && pageErrors.push(`navigated: ${frame.url()}`))
    try {
      await shopperJourney(context, page, width, suffix)
    } catch (error) {
      // What the shopper saw when it failed, to look at in .cache/screenshots/.
      await page
        .screenshot({
          path: path.resolve(__dirname, "../../.cache/screenshots", `failed${suffix || "-1280"}.png`),
          fullPage: true,
        })
        .catch(() => undefined)
      throw new Error(
        `${(error as Error).message}\n--- at ${page.url()}, after ${pageErrors.join("; ")}; the page said:\n${await page.innerText("body").catch(() => "")}`,
      )
    } finally {
      await context.close()
    }
  })
})

/** One shopper's whole journey at the page's width (see the test's name); `suffix` names its screenshots. */
async function shopperJourney(context: BrowserContext, page: Page, width: number, suffix: string) {
  // The badge on the product page follows the quantity, with its representative example and a calculator.
  await page.goto(`${storefront.url}/#/`)
  await page.getByRole("link", { name: "Słuchawki" }).waitFor()
  await checkPage(page, "products")
  await page.getByRole("link", { name: "Słuchawki" }).click()
  const badge = page.locator("#badge").getByTestId("badge")
  await badge.waitFor()
  const single = await badge.textContent()
  expect(single).toMatch(/^od \d+,\d{2} zł\/mies\.$/)
  await page.locator("#qty").fill("2")
  await page.waitForFunction(
    (before) => document.querySelector('#badge [data-testid="badge"]')?.textContent !== before,
    single,
  )
  await page.locator("#qty").fill("1")
  await page.waitForFunction(
    (before) => document.querySelector('#badge [data-testid="badge"]')?.textContent === before,
    single,
  )
  // The example one key press away: the info button opens it from the keyboard.
  await page.locator("#badge details summary").focus()
  await page.keyboard.press("Enter")
  const example = page.locator("#badge").getByTestId("representative-example")
  expect(await example.textContent()).toMatch(
    /Przykład reprezentatywny: cena 399,00 zł, okres 48 mies\., rata \d+,\d{2} zł.*RRSO \d+,\d{2}%.*całkowita kwota do zapłaty \d+,\d{2} zł/s,
  )
  const calculated = page.getByTestId("calculator-monthly")
  const at48 = await calculated.textContent()
  await page.getByTestId("calculator-period").selectOption("12")
  expect(await calculated.textContent()).not.toBe(at48)
  expect(await calculated.textContent()).toMatch(/^rata \d+,\d{2} zł$/)
  await checkPage(page, "badge")
  await screenshot(page, `storefront-badge${suffix}.png`)

  // The form: a PESEL that is not one is shown at its field, in Polish, and nothing goes to Inbank.
  const phoneEnd = 200 + (width % 100)
  const { form, mobile } = await fillForm(page, "Słuchawki", phoneEnd)
  const goodPesel = await form.locator('input[name="identity_code"]').inputValue()
  await form.locator('input[name="identity_code"]').fill("12345678901")
  const applicationsBefore = inbankCalls("createApplication")
  await form.getByRole("button", { name: "Wyślij wniosek" }).click()
  const peselError = form.locator("#identity_code-error")
  await peselError.waitFor()
  expect(await peselError.textContent()).toBe("Podaj prawidłowy numer PESEL (11 cyfr).")
  expect(await form.locator('input[name="identity_code"]').getAttribute("aria-invalid")).toBe("true")
  expect(inbankCalls("createApplication")).toBe(applicationsBefore)
  await checkPage(page, "field error")
  await form.locator('input[name="identity_code"]').fill(goodPesel)
  // While the application is sent and decided, a Polish wait message (announced politely) and no second submit.
  await watchProgress(page, "#checkout")
  // Sent from the keyboard: Enter in a field submits the form.
  await form.locator('input[name="identity_code"]').press("Enter")
  await page.getByTestId("offer").waitFor()
  expect(await progressSeen(page)).toEqual({
    text: "Wysyłamy wniosek do Inbank… To potrwa kilka sekund.",
    live: "polite",
    submitDisabled: true,
  })
  expect(await page.getByTestId("cart-summary").textContent()).toMatch(/Słuchawki × 1.*399,00 zł/s)
  expect(inbankCalls("createApplication")).toBe(applicationsBefore + 1)
  await checkPage(page, "offer")

  // Back keeps the form; sending it unchanged makes no second application.
  await page.getByRole("link", { name: "Wróć do formularza" }).click()
  await form.waitFor()
  expect(await form.locator('input[name="mobile"]').inputValue()).toBe(`+48 600 100 ${phoneEnd}`)
  expect(await form.locator('input[name="monthly_income"]').inputValue()).toBe("6 000,50")
  expect(await form.locator('input[name="consent"]').isChecked()).toBe(true)
  await form.getByRole("button", { name: "Wyślij wniosek" }).click()
  await page.getByTestId("offer").waitFor()
  expect(inbankCalls("createApplication")).toBe(applicationsBefore + 1)

  // Another period on the offer screen: the store applies again for the shopper.
  const monthlyAt12 = await page.getByTestId("monthly").textContent()
  await page.locator("#change-period select").selectOption("24")
  await watchProgress(page, "#change-period")
  await page.getByRole("button", { name: "Zmień okres" }).click()
  await page.getByTestId("offer").filter({ hasText: "24 mies." }).waitFor()
  expect(await progressSeen(page)).toEqual({
    text: "Wysyłamy wniosek z nowym okresem do Inbank… To potrwa kilka sekund.",
    live: "polite",
    submitDisabled: true,
  })
  expect(await page.getByTestId("monthly").textContent()).not.toBe(monthlyAt12)
  expect(inbankCalls("createApplication")).toBe(applicationsBefore + 2)
  await screenshot(page, `storefront-offer${suffix}.png`, { fullPage: true })

  // Accepting makes the contract: its document comes first, and the code can be entered only once it is read.
  await page.getByRole("button", { name: "Akceptuję ofertę" }).click()
  const contractLink = page.getByTestId("contract-document")
  await contractLink.waitFor()
  expect(await page.getByLabel("Kod SMS").isDisabled()).toBe(true)
  const [printout] = await Promise.all([context.waitForEvent("page"), contractLink.click()])
  await printout.waitForLoadState()
  expect(await printout.locator("h1").textContent()).toMatch(/^Umowa kredytu ratalnego nr \d+$/)
  await printout.close()
  await page.getByLabel("Zapoznałem/am się z umową").focus()
  await page.keyboard.press("Space")
  await page.getByLabel("Kod SMS").waitFor({ state: "visible" })
  expect(await page.getByLabel("Kod SMS").isEnabled()).toBe(true)
  expect(await page.getByTestId("masked-phone").textContent()).toBe(`+48 *** *** ${phoneEnd}`)
  expect(await page.getByTestId("attempts-left").textContent()).toBe("Pozostałe próby dla tego kodu: 3")
  expect(await page.locator("#resend").textContent()).toMatch(/^Wyślij nowy kod \(za \d+ s\)$/)
  expect(await page.locator("#resend").isDisabled()).toBe(true)
  // "Send a new code" is the secondary action: it does not look like "Podpisz".
  const background = (name: string) =>
    page.getByRole("button", { name }).evaluate((button) => getComputedStyle(button).backgroundColor)
  expect(await background("Wyślij nowy kod")).not.toBe(await background("Podpisz"))
  await checkPage(page, "signing")
  await screenshot(page, `storefront-signing${suffix}.png`, { fullPage: true })

  // The sandbox's SMS inbox, linked from the step, is Polish too and finds the code by the number as typed.
  const [inbox] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "skrzynki SMS sandboksa Inbank" }).click(),
  ])
  await inbox.getByRole("heading", { name: "Skrzynka SMS sandboksa Inbank" }).waitFor()
  await inbox.getByLabel("Numer telefonu z wniosku").fill(`+48 600 100 ${phoneEnd}`)
  await inbox.getByRole("button", { name: "Szukaj" }).click()
  await inbox.locator("[data-code]").first().waitFor()
  expect(await inbox.locator("[data-code]").first().getAttribute("data-code")).toBe(await smsCode(sandbox, mobile))
  await checkPage(inbox, "SMS inbox")
  await inbox.close()

  // Three wrong codes: tries counted down, then the code is void and a new one may be sent at once.
  const first = await codes(mobile)
  for (const left of [2, 1]) {
    await page.getByLabel("Kod SMS").fill(first.wrong)
    await page.getByLabel("Kod SMS").press("Enter")
    await page
      .getByTestId("attempts-left")
      .filter({ hasText: `: ${left}` })
      .waitFor()
    expect(await page.locator("#error").textContent()).toContain(`pozostałe próby: ${left}`)
  }
  await page.getByLabel("Kod SMS").fill(first.wrong)
  await page.getByLabel("Kod SMS").press("Enter")
  await page.getByTestId("code-void").waitFor()
  expect(await page.locator("#error").textContent()).toBe(
    "Ten kod SMS jest już nieważny po 3 błędnych próbach. Wyślij nowy kod i wpisz go.",
  )
  await checkPage(page, "void code")
  const resend = page.getByRole("button", { name: "Wyślij nowy kod", exact: true })
  await resend.focus()
  await page.keyboard.press("Enter")
  await page.getByText("Wysłaliśmy nowy kod SMS.").waitFor()
  const second = await codes(mobile)
  expect(second.right).not.toBe(first.right)
  await page.getByLabel("Kod SMS").fill(second.right)
  await page.getByLabel("Kod SMS").press("Enter")

  // The confirmation: order and contract numbers, the schedule, the right of withdrawal.
  const confirmation = page.getByTestId("confirmation")
  await confirmation.waitFor({ timeout: 30_000 })
  expect(await page.getByTestId("contract-number").textContent()).toMatch(/^\d+$/)
  expect(await page.getByTestId("schedule").textContent()).toMatch(
    /Okres\s*24 mies\..*Rata miesięczna\s*\d+,\d{2} zł.*Całkowita kwota do zapłaty\s*\d+,\d{2} zł/s,
  )
  expect(await page.getByTestId("withdrawal").textContent()).toMatch(
    /odstąpić od umowy kredytu bez podania przyczyny w terminie 14 dni.*art\. 53 ustawy o kredycie konsumenckim/s,
  )
  await checkPage(page, "confirmation")
  await screenshot(page, `storefront-confirmation${suffix}.png`, { fullPage: true })
  expect(await page.getByTestId("order-number").textContent()).toMatch(/^\d+$/)

  // 2 400 PLN: declined, with a message the shopper understands and what they can do in this shop (Inbank alone).
  const declined = await fillForm(page, "Rower", phoneEnd + 50)
  await declined.form.getByRole("button", { name: "Wyślij wniosek" }).click()
  await page.getByText("Inbank nie zaakceptował wniosku o raty na ten zakup.").waitFor()
  expect(await page.locator("#app").innerText()).toContain(
    "Możesz wrócić do sklepu i zmienić zamówienie albo spróbować ponownie później.",
  )
  expect(await page.locator("#app").innerText()).not.toContain("metodę płatności")
  await checkPage(page, "declined")
}

/**
 * Records, in the page, the first text the wait message (#progress) shows, its aria-live and whether the submit
 * button of `form` was disabled then: the message may be gone again by the time the next view is awaited.
 */
async function watchProgress(page: Page, form: string) {
  await page.evaluate((selector) => {
    const region = document.getElementById("progress")!
    const seen = window as unknown as { progressSeen?: unknown }
    seen.progressSeen = null
    new MutationObserver((_, observer) => {
      if (!region.textContent) return
      seen.progressSeen = {
        text: region.textContent,
        live: region.getAttribute("aria-live"),
        submitDisabled: document.querySelector<HTMLButtonElement>(`${selector} button[type="submit"]`)!.disabled,
      }
      observer.disconnect()
    }).observe(region, { childList: true, characterData: true, subtree: true })
  }, form)
}

/** What watchProgress recorded (null: the message never showed). */
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen?: unknown }).progressSeen)
