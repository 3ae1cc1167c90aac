import axios from "axios"
import type { Browser, Page } from "playwright-core"
import { Sandbox } from "inbank-sandbox"
import { launchChromium } from "../fixtures/browser"
import { startMedusaApp, RunningMedusa } from "../fixtures/medusa-app"
import { smsCode } from "../fixtures/sandbox"
import { screenshot } from "../fixtures/screenshots"
import { applicantForm, placeInbankOrder, storeClient, waitForAction } from "../fixtures/shopper"

jest.setTimeout(600_000)

let sandbox: Sandbox
let app: RunningMedusa
let browser: Browser

beforeAll(async () => {
  sandbox = await new Sandbox({ callbackDelayMs: 0, merchantApproval: true }).start()
  app = await startMedusaApp({ INBANK_BASE_URL: sandbox.url, INBANK_APPLICATION_SIGNING: "false" })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await sandbox?.stop()
})

/** Inbank's and our own English words that must not reach a Polish admin's Inbank screens. */
const RAW_WORDS =
  /\b(positive|signed|waiting_for_partners_confirmation|ACTIVATION_REQUIRES_PARTNER_APPROVAL|PLN|Offer accepted|getApplication)\b/

/** The admin in Polish (the dashboard's language detector reads `lng`), logged in. */
async function polishAdmin(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: "pl-PL" })
  await page.addInitScript(() => window.localStorage.setItem("lng", "pl"))
  await page.goto(`${app.url}/app/login`)
  await page.locator('input[name="email"]').fill(app.admin.email)
  await page.locator('input[name="password"]').fill(app.admin.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
  return page
}

it("staff see the contract awaiting approval in the orders list, the bell and the queue, in Polish, and approve it", async () => {
  // A shopper's order waiting for approval, and another shopper who got an offer and left without ordering.
  const shop = storeClient(axios.create({ baseURL: app.url }), app.store)
  const { orderId } = await placeInbankOrder(shop, app.store.variants.p399, (phone) => smsCode(sandbox, phone))
  const leftCart = await shop.cart(app.store.variants.p15500)
  expect((await shop.post(`/store/carts/${leftCart}/inbank/application`, applicantForm("Kowalska"))).status).toBe(201)
  await waitForAction(shop, leftCart, "complete_cart")
  const { data: auth } = await axios.post(`${app.url}/auth/user/emailpass`, app.admin)
  const { data } = await axios.get(`${app.url}/admin/orders/${orderId}?fields=display_id`, {
    headers: { authorization: `Bearer ${auth.token}` },
  })
  const displayId = `#${data.order.display_id}`

  const admin = await polishAdmin()

  // The orders list: the marker above it, linking to the order.
  await admin.goto(`${app.url}/app/orders`)
  const marker = admin.getByTestId("inbank-awaiting-approval")
  await marker.waitFor({ timeout: 60_000 })
  expect(await marker.textContent()).toContain("1 umowa Inbank czeka na Twoją akceptację")
  const markerLink = marker.getByRole("link", { name: new RegExp(`${displayId}(?!\\d)`) })
  expect((await markerLink.textContent())?.replace(/\u00a0/g, " ")).toMatch(/Inbank#\d+Zofia K · 399,00 zł/)
  await screenshot(admin, "admin-orders.png")

  // The bell: one notice naming the order.
  await admin.evaluate(() => document.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true })))
  const notice = admin.getByText(`Umowa Inbank czeka na akceptację — zamówienie ${displayId}`)
  await notice.waitFor({ timeout: 30_000 })
  expect(await notice.count()).toBe(1)
  await screenshot(admin, "admin-notification.png")
  await admin.keyboard.press("Escape")

  // The queue: awaiting approval first, display ids, customers, Polish amounts and states.
  await admin.goto(`${app.url}/app/inbank`)
  const rows = admin.getByTestId("inbank-queue-row")
  await rows.first().waitFor({ timeout: 30_000 })
  const texts = (await rows.allTextContents()).map((text) => text.replace(/\u00a0/g, " "))
  expect(texts[0]).toMatch(
    new RegExp(`^${displayId}Zofia K\\d{1,2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}.*399,00 złCzeka na Twoją akceptację$`),
  )
  expect(texts[1]).toMatch(
    /^bez zamówieniaZofia K.*15 500,00 złPozytywna decyzja — klient jeszcze nie przyjął ofertyAnuluj finansowanie$/,
  )
  expect(await admin.getByTestId("inbank-queue").textContent()).not.toMatch(RAW_WORDS)
  await screenshot(admin.getByTestId("inbank-queue"), "admin-queue.png")

  // The order: Polish words and numbers; Approve is confirmed with a non-destructive button.
  await rows.first().getByRole("link", { name: displayId }).click()
  const widget = admin.getByTestId("inbank-widget")
  await widget.getByText("Czeka na Twoją akceptację", { exact: true }).waitFor({ timeout: 60_000 })
  const field = async (name: string) =>
    (await widget.getByTestId(`inbank-${name}`).textContent())?.replace(/\u00a0/g, " ")
  expect(await field("decision")).toBe("Pozytywna")
  expect(await field("contract-status")).toBe("Podpisana — czeka na Twoją akceptację")
  expect(await field("amount")).toBe("399,00 zł")
  expect(await field("monthly")).toMatch(/^\d+,\d{2} zł$/)
  expect(await field("apr")).toMatch(/^\d+,\d{2}%$/)
  expect(await widget.textContent()).not.toMatch(RAW_WORDS)
  await screenshot(widget, "admin-order.png")
  await widget.getByRole("button", { name: "Zatwierdź umowę" }).click()
  const yes = admin.getByRole("button", { name: "Tak" })
  expect(await yes.getAttribute("class")).not.toMatch(/danger/)
  await yes.click()
  await widget.getByText("Sfinansowane — wyślij towar").waitFor({ timeout: 30_000 })
  expect([...sandbox.bank.state.contracts.values()].filter((c) => c.status === "activated")).toHaveLength(1)

  // Approved: the marker is gone from the orders list.
  const queueAnswer = admin.waitForResponse((response) => response.url().includes("/admin/inbank/applications"))
  await admin.goto(`${app.url}/app/orders`)
  expect((await (await queueAnswer).json()).count).toBe(0)
  expect(await admin.getByTestId("inbank-awaiting-approval").count()).toBe(0)
})
