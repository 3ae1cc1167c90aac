import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { INBANK_MODULE } from "../../src/modules/inbank"
import type InbankModuleService from "../../src/modules/inbank/service"
import type { InbankApplicationRecord } from "../../src/lib/financing/record-state"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, offerReady as offerReadyIn, storeClient, waitForAction } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(120_000)

// Races on the SMS step (sms-table.ts reservations) under the plugin's production limits.
const RESEND_SECONDS = 2
const sandbox = sandboxBeforeMedusa({
  INBANK_APPLICATION_SIGNING: "true",
  INBANK_RATE_LIMITS: "defaults",
  INBANK_SMS_RESEND_SECONDS: String(RESEND_SECONDS),
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    beforeAll(async () => {
      store = await seedStore(getContainer())
    })
    afterEach(() => sandbox.faults.clear())

    const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const inbank = () => getContainer().resolve<InbankModuleService>(INBANK_MODULE)
    const row = async (cartId: string): Promise<InbankApplicationRecord> =>
      knex()("inbank_application").where({ cart_id: cartId, deleted_at: null }).orderBy("created_at", "desc").first()
    const calls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length
    const smsTo = (phone: string, subject: "application" | "contract") =>
      sandbox.bank.state.sms.filter((m) => m.phone === phone && m.subject === subject).length

    // Every record's stored staff state (what the admin queue filters on) is the one its fields give.
    afterEach(async () => {
      const rows: InbankApplicationRecord[] = await knex()("inbank_application").whereNull("deleted_at")
      const wrong = rows
        .filter((r) => r.staff_state !== inbank().staffStateOf(r).state)
        .map((r) => ({ id: r.id, stored: r.staff_state, derived: inbank().staffStateOf(r).state }))
      expect(wrong).toEqual([])
    })

    /** A cart whose offer waits for acceptance (offerReady), with its SMS step's two requests. */
    async function offerReady() {
      const { shop, cartId, form } = await offerReadyIn(api, store, sandbox)
      const confirm = (code: string, subject = "contract") =>
        shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject, code })
      const send = (subject = "contract") => shop.post(`/store/carts/${cartId}/inbank/signing`, { subject })
      return { shop, cartId, form, confirm, send }
    }

    const otherThan = (code: string) => (code === "000000" ? "111111" : "000000")

    it("tabs sending and confirming at once: the right code among wrong ones signs, one SMS, the order is placed and queued", async () => {
      const { shop, cartId, form, confirm, send } = await offerReady()
      expect((await send()).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      // Inbank answering in 100 ms: every request of the burst is under way at once.
      sandbox.updateSettings({ latencyMs: 100 })
      const answers = await Promise.all([
        send(),
        confirm(otherThan(code)),
        send(),
        confirm(code),
        confirm(otherThan(code)),
        send(),
      ])
      sandbox.updateSettings({ latencyMs: 0 })
      const [s1, w1, s2, right, w2, s3] = answers
      expect(right.status).toBe(200)
      expect(right.data.inbank.contract.status).toBe("signed")
      for (const s of [s1, s2, s3]) expect(s.data.code).toBe("sms_resend_too_soon")
      // A wrong code Inbank refused after the signature is answered as the signature.
      for (const w of [w1, w2]) expect([200, 400]).toContain(w.status)
      expect(smsTo(form.applicant.mobile, "contract")).toBe(1)
      expect(sandbox.bank.state.contracts.get(right.data.inbank.contract.uuid)?.status).toBe("signed")

      const completed = await shop.post(`/store/carts/${cartId}/complete`)
      expect(completed.data.type).toBe("order")
      // The order-placed subscriber names the order on the record.
      const record = await eventually(async () => {
        const placed = await row(cartId)
        return placed.order_id === completed.data.order.id && placed
      })
      expect(record.contract_status).toBe("signed")
      const admin = await adminHeaders(getContainer())
      const queue = await api.get(`/admin/inbank/applications?state=awaiting_approval&limit=200`, admin)
      expect(queue.data.applications.map((a: { id: string }) => a.id)).toContain(record.id)
    })

    it("Inbank sends the SMS but its answer is lost: nothing stays reserved, asking again sends a code that signs", async () => {
      const { cartId, form, confirm, send } = await offerReady()
      sandbox.faults.add({
        endpoint: "startContractSigning",
        kind: "error",
        status: 503,
        latencyMs: 0,
        when: "after",
        times: 1,
      })
      const lost = await send()
      expect(lost.status).toBeGreaterThanOrEqual(500)
      expect(smsTo(form.applicant.mobile, "contract")).toBe(1)
      const firstCode = await smsCode(sandbox, form.applicant.mobile)
      expect(await row(cartId)).toMatchObject({ sms_sent_at: null, sms_failed_attempts: 0 })

      // Asking again sends a second code (the first one is replaced at Inbank): it signs.
      const again = await send()
      expect(again.status).toBe(200)
      expect(again.data.inbank.signing).toMatchObject({ attempts_left: 3, code_void: false })
      const secondCode = await smsCode(sandbox, form.applicant.mobile)
      if (secondCode !== firstCode) expect((await confirm(firstCode)).status).toBe(400)
      expect((await confirm(secondCode)).status).toBe(200)
    })

    it("a send given back after a newer send reserved the code does not wipe the newer one", async () => {
      const { cartId, form, confirm, send } = await offerReady()
      // The first send holds its reservation past the cooldown, then Inbank fails it.
      sandbox.faults.add({
        endpoint: "startContractSigning",
        kind: "error",
        status: 503,
        latencyMs: RESEND_SECONDS * 1000 + 1200,
        when: "before",
        times: 1,
      })
      const slow = send()
      await sleep(RESEND_SECONDS * 1000 + 300)
      const newer = await send()
      expect(newer.status).toBe(200)
      const reserved = await row(cartId)
      expect((await slow).status).toBeGreaterThanOrEqual(500)
      const after = await row(cartId)
      expect(after.sms_sent_at).toEqual(reserved.sms_sent_at)
      expect(after.sms_failed_attempts).toBe(0)
      expect((await send()).data.code).toBe("sms_resend_too_soon")
      expect((await confirm(await smsCode(sandbox, form.applicant.mobile))).status).toBe(200)
    })

    it("guesses and sends the limits refuse leave the record as it was (but its updated_at)", async () => {
      const { cartId, form, confirm, send } = await offerReady()
      expect((await send()).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      // Five guesses per application within 15 minutes: three wrong tries void this code, two of the next.
      expect((await confirm(otherThan(code))).data.code).toBe("sms_code_refused")
      expect((await confirm(otherThan(code))).data.code).toBe("sms_code_refused")
      expect((await confirm(otherThan(code))).data.code).toBe("sms_code_void")
      expect((await send()).status).toBe(200)
      const next = await smsCode(sandbox, form.applicant.mobile)
      expect((await confirm(otherThan(next))).data.code).toBe("sms_code_refused")
      expect((await confirm(otherThan(next))).data.code).toBe("sms_code_refused")
      const before = await row(cartId)
      expect(before.sms_failed_attempts).toBe(2)
      const tries = calls("confirmContractSigning")
      // The sixth guess and the right code, at once: the limit refuses both; neither reaches Inbank.
      const refused = await Promise.all([confirm(otherThan(next)), confirm(next)])
      expect(refused.map((r) => r.data.code)).toEqual(["too_many_code_attempts", "too_many_code_attempts"])
      expect(calls("confirmContractSigning")).toBe(tries)
      const after = await row(cartId)
      expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null })

      // Five codes per application within 15 minutes: the sixth is refused after its send was reserved.
      for (let sent = 2; sent < 5; sent++) {
        await sleep(RESEND_SECONDS * 1000)
        expect((await send()).status).toBe(200)
      }
      await sleep(RESEND_SECONDS * 1000)
      const beforeSend = await row(cartId)
      const sms = smsTo(form.applicant.mobile, "contract")
      expect((await send()).data.code).toBe("too_many_sms")
      expect(smsTo(form.applicant.mobile, "contract")).toBe(sms)
      const afterSend = await row(cartId)
      expect({ ...afterSend, updated_at: null }).toEqual({ ...beforeSend, updated_at: null })
    })

    it("a void code: refused by the store, the record untouched", async () => {
      const { cartId, form, confirm, send } = await offerReady()
      expect((await send()).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      await confirm(otherThan(code))
      await confirm(otherThan(code))
      expect((await confirm(otherThan(code))).data.code).toBe("sms_code_void")
      const before = await row(cartId)
      const tries = calls("confirmContractSigning")
      const answers = await Promise.all([confirm(code), confirm(code), confirm(otherThan(code))])
      expect(answers.map((a) => a.data.code)).toEqual(["sms_code_void", "sms_code_void", "sms_code_void"])
      expect(calls("confirmContractSigning")).toBe(tries)
      expect(await row(cartId)).toEqual(before)
    })

    it("application signing: the right code's answer lost, typed again it signs; the contract's code from the completion is not void", async () => {
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: true, decisionDelayMs: 0 })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      const confirm = (subject: string, code: string) =>
        shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject, code })
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "application" })).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      expect((await confirm("application", otherThan(code))).data.code).toBe("sms_code_refused")
      sandbox.faults.add({
        endpoint: "confirmApplicationSigning",
        kind: "error",
        status: 503,
        latencyMs: 0,
        when: "after",
        times: 1,
      })
      expect((await confirm("application", code)).status).toBeGreaterThanOrEqual(500)
      const signed = await confirm("application", code)
      expect(signed.status).toBe(200)
      expect(signed.data.inbank.application.signed).toBe(true)

      // The storefront completes the cart to accept the offer: the completion sends the contract's code.
      await waitForAction(shop, cartId, "complete_cart")
      expect((await shop.post(`/store/carts/${cartId}/complete`)).data.type).not.toBe("order")
      const toSign = await waitForAction(shop, cartId, "sign_contract")
      expect(toSign.signing).toMatchObject({ attempts_left: 3, code_void: false })
      const contractCode = await smsCode(sandbox, form.applicant.mobile)
      expect((await confirm("contract", otherThan(contractCode))).data.code).toBe("sms_code_refused")
      expect((await confirm("contract", contractCode)).status).toBe(200)
      expect((await shop.post(`/store/carts/${cartId}/complete`)).data.type).toBe("order")
    })

    it("a refusal read under way when the contract got signed is not shared with a later refusal", async () => {
      const { shop, cartId, form, confirm, send } = await offerReady()
      expect((await send()).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      // The wrong code's read after its refusal: the contract is read at once, the application slowly.
      sandbox.faults.add({ endpoint: "getApplication", kind: "latency", latencyMs: 2000, when: "before", times: 1 })
      const wrong = confirm(otherThan(code))
      await sleep(400)
      const right = await confirm(code)
      expect(right.status).toBe(200)
      expect(right.data.inbank.contract.status).toBe("signed")
      // The same code again (a second tab, a double click): Inbank refuses it, the contract being signed.
      const again = await confirm(code)
      expect(again.status).toBe(200)
      expect(again.data.inbank.contract.status).toBe("signed")
      expect((await wrong).status).toBe(400)
      expect((await shop.post(`/store/carts/${cartId}/complete`)).data.type).toBe("order")
      expect((await row(cartId)).contract_status).toBe("signed")
    })
  },
})
