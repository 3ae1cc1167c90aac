import { capturedLogs } from "../fixtures/captured-logs"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../fixtures/admin"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, placeInbankOrder, storeClient } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"
import type { SecurityContext } from "./security/context"
import { bodyAttacks } from "./security/bodies.attacks"
import { callbackAttacks } from "./security/callbacks.attacks"
import { limitAttacks } from "./security/limits.attacks"
import { offerAttacks } from "./security/offers.attacks"
import { sessionAttacks } from "./security/sessions.attacks"
import { medusaAdminCsrfAttacks, returnUrlAttacks, staffAttacks, staffCsrfAttacks } from "./security/staff.attacks"
import { uploadAttacks } from "./security/uploads.attacks"

jest.setTimeout(180_000)

const API_KEY = "security-spec-api-key-7f3a9c"
// The plugin's production rate limits (medusa-config.ts relaxes them for the other spec files).
const sandbox = sandboxBeforeMedusa({
  INBANK_APPLICATION_SIGNING: "false",
  INBANK_API_KEY: API_KEY,
  INBANK_RATE_LIMITS: "defaults",
  // An income-proof body may take 6 s here (240 in production): trickling uploads are cut within a test.
  INBANK_UPLOAD_TIMEOUT_SECONDS: "6",
})

/**
 * The attacks of docs/security.md, one group per file in ./security, on one Medusa. The last test
 * runs after every group: nothing personal and not the API key may be kept, logged or shown to staff.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let shop: ReturnType<typeof storeClient>
    const code = (phone: string) => smsCode(sandbox, phone)
    /** Everything the shopper typed, and the key: none of it may be kept or logged. */
    const secrets: string[] = [API_KEY]
    const remember = (form: ReturnType<typeof applicantForm>) =>
      secrets.push(
        form.applicant.identity_code,
        form.applicant.document_number,
        form.applicant.mobile,
        form.applicant.email,
        form.applicant.monthly_income,
      )

    beforeAll(async () => {
      store = await seedStore(getContainer())
      shop = storeClient(api, store)
    })

    const ctx: SecurityContext = {
      api,
      getContainer,
      dbConnection,
      sandbox,
      apiKey: API_KEY,
      store: () => store,
      shop: () => shop,
      code,
      remember,
    }
    describe("staff routes", () => staffAttacks(ctx))
    describe("bank-step return_url", () => returnUrlAttacks(ctx))
    describe("payment sessions", () => sessionAttacks(ctx))
    describe("staff actions from other pages", () => staffCsrfAttacks(ctx))
    describe("Medusa's admin actions from other pages", () => medusaAdminCsrfAttacks(ctx))
    describe("rate limits", () => limitAttacks(ctx))
    describe("request bodies", () => bodyAttacks(ctx))
    describe("Inbank callbacks", () => callbackAttacks(ctx))
    describe("income-proof uploads", () => uploadAttacks(ctx))
    describe("offers flood", () => offerAttacks(ctx))

    describe("after every attack", () => {
      it("after all the flows, neither the database, the logs nor the admin's answers hold a personal value or the API key", async () => {
        // A full flow with income proof and merchant approval from the admin, plus Inbank refusing and failing.
        sandbox.updateSettings({ merchantApproval: true })
        const incomeCart = await shop.cart(store.variants.p399)
        const form = applicantForm("Income")
        remember(form)
        await shop.post(`/store/carts/${incomeCart}/inbank/application`, form)
        const upload = new FormData()
        upload.append("files", new Blob([Buffer.from("%PDF-1.4")], { type: "application/pdf" }), "dochody.pdf")
        await api.post(`/store/carts/${incomeCart}/inbank/income-proof`, upload, {
          headers: { "x-publishable-api-key": store.publishableKey },
        })
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
        expect(
          (await shop.post(`/store/carts/${await shop.cart(store.variants.p399)}/inbank/application`, reused)).status,
        ).toBe(400)
        sandbox.faults.add({ endpoint: "createApplication", kind: "error", status: 500, latencyMs: 0, when: "before" })
        const failing = applicantForm()
        remember(failing)
        expect(
          (await shop.post(`/store/carts/${await shop.cart(store.variants.p399)}/inbank/application`, failing)).status,
        ).toBe(503)
        sandbox.faults.clear()

        const { rows: tables } = await dbConnection.raw(
          `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
        )
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
          expect({ where: "database", found: dump.includes(secret) ? secret : null }).toEqual({
            where: "database",
            found: null,
          })
          expect({ where: "logs", found: logs.includes(secret) ? secret : null }).toEqual({
            where: "logs",
            found: null,
          })
          expect({ where: "admin", found: answers.includes(secret) ? secret : null }).toEqual({
            where: "admin",
            found: null,
          })
        }
      })
    })
  },
})
