import { capturedLogs } from "../fixtures/captured-logs"
import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../fixtures/admin"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, placeInbankOrder, storeClient, waitForAction } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(180_000)

const API_KEY = "security-spec-api-key-7f3a9c"
const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false", INBANK_API_KEY: API_KEY })

/** Every admin route the plugin ships, read from src/api/admin: a new route is covered without editing this test. */
function adminRoutes(): { method: string; url: string }[] {
  const root = path.resolve(__dirname, "../../src/api")
  const found: { method: string; url: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const url = "/" + path.relative(root, dir).replace(/\[[^\]]+\]/g, "order_01SECURITYTEST")
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|DELETE)\b/g)) found.push({ method, url })
      }
    }
  }
  walk(path.join(root, "admin"))
  return found
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let shop: ReturnType<typeof storeClient>
    const code = (phone: string) => smsCode(sandbox, phone)
    /** Everything the shopper typed, and the key: none of it may be kept or logged. */
    const secrets: string[] = [API_KEY]
    const remember = (form: ReturnType<typeof applicantForm>) =>
      secrets.push(form.applicant.identity_code, form.applicant.document_number, form.applicant.mobile, form.applicant.email, form.applicant.monthly_income)

    beforeAll(async () => {
      store = await seedStore(getContainer())
      shop = storeClient(api, store)
    })

    it("answers 401 on every admin route without a session or token", async () => {
      const routes = adminRoutes()
      expect(routes.length).toBeGreaterThanOrEqual(6)
      for (const { method, url } of routes) {
        const response = await api.request({ method, url, data: {}, validateStatus: () => true, headers: { "x-publishable-api-key": store.publishableKey } })
        expect(`${method} ${url} ${response.status}`).toBe(`${method} ${url} 401`)
      }
    })

    it("serves no store route of a cart from another cart's application", async () => {
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      remember(form)
      expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      const other = await shop.cart(store.variants.p399)
      const before = sandbox.bank.state.requests.length

      const upload = new FormData()
      upload.append("files", new Blob([Buffer.from("%PDF-1.4")], { type: "application/pdf" }), "dochody.pdf")
      const answers = [
        await shop.get(`/store/carts/${other}/inbank`),
        await shop.post(`/store/carts/${other}/inbank/signing`, { subject: "contract" }),
        await shop.post(`/store/carts/${other}/inbank/signing/confirm`, { subject: "contract", code: "1234" }),
        await shop.get(`/store/carts/${other}/inbank/banks`),
        await shop.post(`/store/carts/${other}/inbank/bank-verification`, { bank_id: "mbank", return_url: "http://localhost:8000/" }),
        await api.post(`/store/carts/${other}/inbank/income-proof`, upload, { headers: { "x-publishable-api-key": store.publishableKey }, validateStatus: () => true }),
      ]
      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404])
      expect(sandbox.bank.state.requests.length).toBe(before)
    })

    it("refuses an Inbank payment session made with Medusa's own route from another cart's application data", async () => {
      const victim = await shop.cart(store.variants.p399)
      const form = applicantForm()
      remember(form)
      await shop.post(`/store/carts/${victim}/inbank/application`, form)
      const victimCart = await shop.get(`/store/carts/${victim}?fields=*payment_collection.payment_sessions`)
      const victimData = victimCart.data.cart.payment_collection.payment_sessions[0].data

      const attacker = await shop.cart(store.variants.p399, store.regionId, 2)
      const collection = await shop.post(`/store/payment-collections`, { cart_id: attacker })
      const sessions = `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`
      for (const data of [{ application_uuid: victimData.application_uuid }, victimData]) {
        const forged = await shop.post(sessions, { provider_id: "pp_inbank_inbank", data })
        expect(forged.status).toBe(400)
        expect(forged.data.message).toMatch(/POST \/store\/carts\/:id\/inbank\/application/)
      }
      const attackerCart = await shop.get(`/store/carts/${attacker}?fields=*payment_collection.payment_sessions`)
      expect(attackerCart.data.cart.payment_collection.payment_sessions).toEqual([])
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication")).toHaveLength(0)
    })

    it("rate limits SMS-code confirmation per cart: the sixth attempt in 15 minutes gets 429, even with the right code", async () => {
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      remember(form)
      await shop.post(`/store/carts/${cartId}/inbank/application`, form)
      await shop.post(`/store/carts/${cartId}/complete`)
      await waitForAction(shop, cartId, "sign_contract")
      const attempts = []
      for (let i = 0; i < 5; i++) attempts.push((await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: "000000" })).status)
      expect(attempts.every((status) => status === 400)).toBe(true)

      const confirmsBefore = sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length
      const limited = await api.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: await code(form.applicant.mobile) }, {
        headers: { "x-publishable-api-key": store.publishableKey },
        validateStatus: () => true,
      })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800)
      expect(limited.data.message).toMatch(/^code: too many attempts/)
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length).toBe(confirmsBefore)

      // Another cart is not affected.
      const other = await placeInbankOrder(shop, store.variants.p399, code)
      remember(other.form)
      expect(other.orderId).toMatch(/^order_/)
    })

    it("limits request body sizes: 413 and nothing changed", async () => {
      const cartId = await shop.cart(store.variants.p399)
      const big = (kb: number) => "x".repeat(kb * 1024)
      const before = sandbox.bank.state.requests.length
      const bigFile = new FormData()
      bigFile.append("files", new Blob([Buffer.alloc(10 * 1024 * 1024 + 1)], { type: "application/pdf" }), "duzy.pdf")
      const answers = [
        await shop.post(`/store/carts/${cartId}/inbank/application`, { ...applicantForm(), padding: big(80) }),
        await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract", padding: big(5) }),
        await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: "1234", padding: big(5) }),
        await shop.post(`/store/carts/${cartId}/inbank/bank-verification`, { bank_id: "mbank", return_url: "http://localhost/", padding: big(5) }),
        await api.post(`/store/carts/${cartId}/inbank/income-proof`, bigFile, { headers: { "x-publishable-api-key": store.publishableKey }, validateStatus: () => true }),
        await api.post(`/hooks/inbank`, new URLSearchParams({ message: big(17) }), { validateStatus: () => true }),
      ]
      expect(answers.map((answer) => answer.status)).toEqual([413, 413, 413, 413, 413, 413])
      expect(sandbox.bank.state.requests.length).toBe(before)
      expect((await shop.get(`/store/carts/${cartId}/inbank`)).status).toBe(404)
    })

    it("after all the flows, neither the database, the logs nor the admin's answers hold a personal value or the API key", async () => {
      // A full flow with income proof and merchant approval from the admin, plus Inbank refusing and failing.
      sandbox.updateSettings({ merchantApproval: true })
      const incomeCart = await shop.cart(store.variants.p399)
      const form = applicantForm("Income")
      remember(form)
      await shop.post(`/store/carts/${incomeCart}/inbank/application`, form)
      const upload = new FormData()
      upload.append("files", new Blob([Buffer.from("%PDF-1.4")], { type: "application/pdf" }), "dochody.pdf")
      await api.post(`/store/carts/${incomeCart}/inbank/income-proof`, upload, { headers: { "x-publishable-api-key": store.publishableKey } })
      const order = await placeInbankOrder(shop, store.variants.p399, code)
      remember(order.form)
      const admin = await adminHeaders(getContainer())
      const adminAnswers = [
        await api.post(`/admin/inbank/orders/${order.orderId}/approve`, {}, { ...admin, validateStatus: () => true }),
        await api.get(`/admin/inbank/orders/${order.orderId}`, admin),
        await api.get(`/admin/inbank/applications`, admin),
      ]
      expect(adminAnswers[0].status).toBe(200)

      // The sandbox refuses a second applicant with the same phone; then Inbank fails outright.
      const reused = applicantForm("Kowalska", {})
      reused.applicant.mobile = form.applicant.mobile
      remember(reused)
      expect((await shop.post(`/store/carts/${await shop.cart(store.variants.p399)}/inbank/application`, reused)).status).toBe(400)
      sandbox.faults.add({ endpoint: "createApplication", kind: "error", status: 500, latencyMs: 0, when: "before" })
      const failing = applicantForm()
      remember(failing)
      expect((await shop.post(`/store/carts/${await shop.cart(store.variants.p399)}/inbank/application`, failing)).status).toBe(503)
      sandbox.faults.clear()

      const { rows: tables } = await dbConnection.raw(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)
      let dump = ""
      for (const { table_name } of tables) {
        const { rows } = await dbConnection.raw(`select row_to_json(t)::text as row from "${table_name}" t`)
        dump += rows.map((r: { row: string }) => `${table_name} ${r.row}\n`).join("")
      }
      const logs = capturedLogs()
      const answers = JSON.stringify(adminAnswers.map((answer) => answer.data))
      // The scans must have read something real for their "none found" to mean anything.
      expect(dump).toContain(order.cartId)
      expect(logs).toMatch(/POST \/store\/carts\/cart_\w+\/inbank\/application/)
      expect(answers).toContain(order.orderId)
      for (const secret of secrets) {
        expect({ where: "database", found: dump.includes(secret) ? secret : null }).toEqual({ where: "database", found: null })
        expect({ where: "logs", found: logs.includes(secret) ? secret : null }).toEqual({ where: "logs", found: null })
        expect({ where: "admin", found: answers.includes(secret) ? secret : null }).toEqual({ where: "admin", found: null })
      }
    })
  },
})
