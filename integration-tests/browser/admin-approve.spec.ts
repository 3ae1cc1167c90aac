import path from "node:path"
import axios from "axios"
import { Browser, chromium } from "playwright-core"
import { Sandbox } from "../../src/sandbox"
import { startMedusaApp, RunningMedusa } from "../fixtures/medusa-app"
import { smsCode } from "../fixtures/sandbox"
import { placeInbankOrder, storeClient } from "../fixtures/shopper"

jest.setTimeout(600_000)

const SCREENSHOT = path.resolve(__dirname, "../../docs/admin-widget.png")

let sandbox: Sandbox
let app: RunningMedusa
let browser: Browser

beforeAll(async () => {
  sandbox = await new Sandbox({ callbackDelayMs: 0, merchantApproval: true }).start()
  app = await startMedusaApp({ INBANK_BASE_URL: sandbox.url, INBANK_APPLICATION_SIGNING: "false" })
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await sandbox?.stop()
})

/** An order whose Inbank contract is signed and waits for the merchant, made through the store API. */
async function orderAwaitingApproval(): Promise<string> {
  const shop = storeClient(axios.create({ baseURL: app.url }), app.store)
  return (await placeInbankOrder(shop, app.store.variants.p399, (phone) => smsCode(sandbox, phone))).orderId
}

it("staff log in, see 'Waiting for your approval', approve, confirm, and see 'Financed'", async () => {
  const orderId = await orderAwaitingApproval()
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })

  await page.goto(`${app.url}/app/login`)
  await page.locator('input[name="email"]').fill(app.admin.email)
  await page.locator('input[name="password"]').fill(app.admin.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })

  await page.goto(`${app.url}/app/orders/${orderId}`)
  const widget = page.getByTestId("inbank-widget")
  await widget.getByText("Waiting for your approval").waitFor({ timeout: 60_000 })

  await widget.getByRole("button", { name: "Approve contract" }).click()
  await page.getByRole("button", { name: "Yes" }).click()
  await widget.getByText("Financed — ship the goods").waitFor({ timeout: 30_000 })

  const contract = [...sandbox.bank.state.contracts.values()].at(-1)!
  expect(contract.status).toBe("activated")
  await widget.screenshot({ path: SCREENSHOT })
})
