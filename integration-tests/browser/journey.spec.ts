import fs from "node:fs"
import path from "node:path"
import axios from "axios"
import getPort from "get-port"
import { Browser, chromium, Locator, Page } from "playwright-core"
import { Sandbox } from "inbank-sandbox"
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
    STORE_CORS: `http://localhost:${storefrontPort}`,
  })
  storefront = await startStorefront(storefrontPort, {
    backendUrl: app.url,
    publishableKey: app.store.publishableKey,
    regionId: app.store.regionId,
    sandboxUrl: sandbox.url,
  })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  await storefront?.stop()
  await app?.stop()
  await sandbox?.stop()
})

let shopper = 0

/** From the product page to the Inbank step: buy with Inbank, fill in the checkout and the application. */
async function applyFor(page: Page, productTitle: string) {
  shopper += 1
  const mobile = `+48502${String(300000 + shopper)}`
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
  await fill("monthly_income", "6200")
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
  await form.getByRole("button", { name: "Wyślij wniosek" }).click()
  return mobile
}

it("a shopper buys on Inbank instalments, another is declined, and staff approve the first order", async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })

  // The badge on the product page follows the quantity.
  await page.goto(`${storefront.url}/#/`)
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
  // The advertised instalment comes with its representative example, one tap away.
  await page.locator("#badge details summary").click()
  const example = page.locator("#badge").getByTestId("representative-example")
  expect(await example.textContent()).toMatch(
    /Przykład reprezentatywny: cena 399,00 zł, okres 48 mies\., rata \d+,\d{2} zł.*RRSO \d+,\d{2}%.*całkowita kwota do zapłaty \d+,\d{2} zł/s,
  )
  await screenshot(page, "storefront-badge.png")

  // 399 PLN: positive decision, the offer, the SMS code (a wrong one first), the confirmation.
  const mobile = await applyFor(page, "Słuchawki")
  await page.getByTestId("offer").waitFor()
  expect(await page.getByTestId("monthly").textContent()).toMatch(/\d+,\d{2} zł/)
  await screenshot(page, "storefront-offer.png", { fullPage: true })
  await page.getByRole("button", { name: "Akceptuję ofertę i zamawiam" }).click()
  await page.getByLabel("Kod SMS").waitFor()
  await page.getByLabel("Kod SMS").fill("000000")
  await page.getByRole("button", { name: "Podpisz" }).click()
  await page.locator("#error").filter({ hasText: "Nieprawidłowy kod SMS" }).waitFor()
  await page.getByLabel("Kod SMS").fill(await smsCode(sandbox, mobile))
  await page.getByRole("button", { name: "Podpisz" }).click()
  const confirmation = page.getByTestId("confirmation")
  await confirmation.waitFor({ timeout: 30_000 })
  const displayId = await confirmation.locator("strong").textContent()
  await screenshot(page, "storefront-confirmation.png")

  // 2 400 PLN: declined, with a message the shopper understands.
  await applyFor(page, "Rower")
  await page.getByText("Inbank nie może sfinansować tego zakupu").waitFor()

  // Staff approve the first order in the admin.
  const { data: auth } = await axios.post(`${app.url}/auth/user/emailpass`, app.admin)
  const { data: orders } = await axios.get(`${app.url}/admin/orders?fields=id,display_id`, {
    headers: { authorization: `Bearer ${auth.token}` },
  })
  const orderId = orders.orders.find((o: { display_id: number }) => String(o.display_id) === displayId).id

  const admin = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
  await admin.goto(`${app.url}/app/login`)
  await admin.locator('input[name="email"]').fill(app.admin.email)
  await admin.locator('input[name="password"]').fill(app.admin.password)
  await admin.locator('button[type="submit"]').click()
  await admin.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
  await admin.goto(`${app.url}/app/orders/${orderId}`)
  const widget = admin.getByTestId("inbank-widget")
  await widget.getByText("Waiting for your approval").waitFor({ timeout: 60_000 })
  await widget.getByRole("button", { name: "Approve contract" }).click()
  await admin.getByRole("button", { name: "Yes" }).click()
  await widget.getByText("Financed — ship the goods").waitFor({ timeout: 30_000 })
  expect([...sandbox.bank.state.contracts.values()].filter((c) => c.status === "activated")).toHaveLength(1)
  await screenshot(widget, "admin-widget.png")
})
