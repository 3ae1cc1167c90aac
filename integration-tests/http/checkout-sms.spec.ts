import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../fixtures/admin"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, offerReady as offerReadyIn, storeClient, waitForAction } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(120_000)

// The plugin's own abuse limits and a short resend cooldown: the honest shopper's path must pass them.
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

    const offerReady = () => offerReadyIn(api, store, sandbox)

    it("standard SMS flow: application signed, offer accepted and contract signed, one completion, capture = merchant approval", async () => {
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: true })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()

      const applied = await shop.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      expect(applied.data.inbank).toMatchObject({
        application: { decision_status: "pending", signed: false },
        next_action: { type: "sign_application" },
      })

      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "application" })).status).toBe(200)
      const wrong = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "application",
        code: "0000000",
      })
      expect(wrong.status).toBe(400)
      expect(wrong.data).toMatchObject({
        code: "sms_code_refused",
        field: "code",
        message: "Nieprawidłowy kod SMS. Sprawdź wiadomość i wpisz go ponownie (pozostałe próby: 2).",
      })
      const signed = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "application",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      expect(signed.status).toBe(200)
      expect(signed.data.inbank).toMatchObject({
        application: { decision_status: "positive", signed: true },
        offer: { amount: "399.00", period: 12, monthly_payment: expect.stringMatching(/^\d+\.\d{2}$/) },
        next_action: { type: "complete_cart" },
      })

      // "Accept and sign": the offer is accepted (the contract created) and its SMS code sent, before any completion.
      const accepted = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(accepted.status).toBe(200)
      expect(accepted.data.inbank).toMatchObject({
        contract: { status: "unsigned" },
        next_action: { type: "sign_contract" },
      })
      const contractUuid = accepted.data.inbank.contract.uuid
      expect(sandbox.bank.state.contracts.get(contractUuid)?.status).toBe("unsigned")
      const wrongContractCode = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: "0000000",
      })
      expect(wrongContractCode.status).toBe(400)
      expect(sandbox.bank.state.contracts.get(contractUuid)?.status).toBe("unsigned")

      const contractSigned = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      expect(contractSigned.status).toBe(200)
      expect(contractSigned.data.inbank).toMatchObject({
        contract: { uuid: contractUuid, status: "signed" },
        session_status: "authorized",
        next_action: { type: "complete_cart" },
      })

      // Slow answers, to tell reads made at once from reads made one after the other.
      sandbox.updateSettings({ latencyMs: 150 })
      const requestsBefore = sandbox.bank.state.requests.length
      const completed = await shop.post(`/store/carts/${cartId}/complete`)
      sandbox.updateSettings({ latencyMs: 0 })
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order
      // One acceptance and one SMS for the contract: the completion found it signed and started nothing.
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication")).toHaveLength(1)
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "startContractSigning")).toHaveLength(1)
      // The payment session learnt the contract when the shopper accepted, and the confirmation read it
      // signed: authorization asks Inbank nothing (the read gate's answer, no news since).
      expect(sandbox.bank.state.requests.slice(requestsBefore)).toEqual([])

      const admin = await adminHeaders(getContainer())
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      expect(payment.provider_id).toBe("pp_inbank_inbank")
      expect(data.order.payment_status).toBe("authorized")

      const captured = await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      expect(captured.status).toBe(200)
      const contract = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank.contract
      expect(sandbox.bank.state.contracts.get(contract.uuid)?.status).toBe("activated")
      const after = await api.get(`/admin/orders/${order.id}`, admin)
      expect(after.data.order.payment_status).toBe("captured")
    })

    it("a storefront that completes the cart to accept the offer: the first completion sends the code, the second places the order", async () => {
      const { shop, cartId, form } = await offerReady()
      const acceptancesBefore = sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication").length

      const first = await shop.post(`/store/carts/${cartId}/complete`)
      expect(first.status).toBe(400)
      expect(await waitForAction(shop, cartId, "sign_contract")).toMatchObject({ contract: { status: "unsigned" } })
      await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      const second = await shop.post(`/store/carts/${cartId}/complete`)
      expect(second.data.type).toBe("order")
      // Two authorizations, one acceptance: the second one finds the contract at Inbank.
      expect(
        sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication").length - acceptancesBefore,
      ).toBe(1)
    })

    it("a completion after the signing route sent the code sends no second one: the code in the shopper's SMS still signs", async () => {
      const { shop, cartId, form } = await offerReady()
      const codesSent = () =>
        sandbox.bank.state.requests.filter((r) => r.endpoint === "startContractSigning" && r.status < 300).length
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      const sent = codesSent()

      // Another tab completes the cart before the code is typed: no order yet, and no new code.
      const early = await shop.post(`/store/carts/${cartId}/complete`)
      expect(early.data.type).not.toBe("order")
      expect(codesSent()).toBe(sent)

      const signed = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code })
      expect(signed.status).toBe(200)
      expect((await shop.post(`/store/carts/${cartId}/complete`)).data.type).toBe("order")
    })

    it("accept and sign: refused before Inbank's decision; asking again sends a new code without a second acceptance", async () => {
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: false, decisionDelayMs: 60_000 })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      const applied = await shop.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      const calls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length
      const acceptancesBefore = calls("acceptApplication")
      const sendsBefore = calls("startContractSigning")

      const early = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(early.status).toBe(400)
      expect(early.data).toMatchObject({ code: "no_offer", field: "subject" })
      expect(calls("acceptApplication")).toBe(acceptancesBefore)

      sandbox.bank.forceDecision(applied.data.inbank.application.uuid, "positive")
      await waitForAction(shop, cartId, "complete_cart")
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
      // Too soon for another code: the wait in seconds, counted by no limit, no call to Inbank.
      const tooSoon = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(tooSoon.status).toBe(429)
      expect(tooSoon.data).toMatchObject({
        code: "sms_resend_too_soon",
        field: "subject",
        message: `Kod SMS został właśnie wysłany. Nowy możesz wysłać za ${RESEND_SECONDS} s.`,
      })
      expect(tooSoon.headers["retry-after"]).toBe(String(RESEND_SECONDS))
      expect(calls("startContractSigning") - sendsBefore).toBe(1)
      await sleep(RESEND_SECONDS * 1000)
      const again = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(again.status).toBe(200)
      expect(calls("acceptApplication") - acceptancesBefore).toBe(1)
      const secondCode = await smsCode(sandbox, form.applicant.mobile)
      expect(
        sandbox.bank.state.sms.filter((m) => m.phone === form.applicant.mobile && m.subject === "contract"),
      ).toHaveLength(2)
      expect(
        (await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: secondCode }))
          .status,
      ).toBe(200)
      sandbox.updateSettings({ decisionDelayMs: 0 })
    })

    it("an honest shopper: three wrong codes void the code, a new one comes at once and signs, with no 429", async () => {
      const { shop, cartId, form } = await offerReady()
      const sent = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(sent.data.inbank.signing).toEqual({
        phone: `+48 *** *** ${form.applicant.mobile.slice(-3)}`,
        attempts_left: 3,
        code_void: false,
        resend_in_seconds: RESEND_SECONDS,
      })
      const confirm = (code: string) =>
        shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code })
      const firstCode = await smsCode(sandbox, form.applicant.mobile)
      const wrongCode = firstCode === "000000" ? "111111" : "000000"

      expect((await confirm(wrongCode)).data).toMatchObject({
        code: "sms_code_refused",
        message: expect.stringContaining("pozostałe próby: 2"),
      })
      expect((await confirm(wrongCode)).data).toMatchObject({
        code: "sms_code_refused",
        message: expect.stringContaining("pozostałe próby: 1"),
      })
      const third = await confirm(wrongCode)
      expect(third.status).toBe(400)
      expect(third.data).toMatchObject({
        code: "sms_code_void",
        field: "code",
        message: "Ten kod SMS jest już nieważny po 3 błędnych próbach. Wyślij nowy kod i wpisz go.",
      })
      // The void code is refused by the store: Inbank is not asked, no guess is counted.
      const confirmationsBefore = sandbox.bank.state.requests.filter(
        (r) => r.endpoint === "confirmContractSigning",
      ).length
      expect((await confirm(firstCode)).data).toMatchObject({ code: "sms_code_void" })
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length).toBe(
        confirmationsBefore,
      )
      const state = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank
      expect(state.signing).toMatchObject({ attempts_left: 0, code_void: true, resend_in_seconds: 0 })

      // A new code at once (no cooldown after a void code), with all its tries; the right code signs.
      const renewed = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(renewed.status).toBe(200)
      expect(renewed.data.inbank.signing).toMatchObject({ attempts_left: 3, code_void: false })
      const signed = await confirm(await smsCode(sandbox, form.applicant.mobile))
      expect(signed.status).toBe(200)
      expect(signed.data.inbank).toMatchObject({ contract: { status: "signed" }, signing: null })
      expect((await shop.post(`/store/carts/${cartId}/complete`)).data.type).toBe("order")
    })

    it("two tabs ask for the code at the same moment: one offer acceptance, one SMS, the other tabs wait", async () => {
      const { shop, cartId, form } = await offerReady()
      const calls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length
      const [acceptances, sends] = [calls("acceptApplication"), calls("startContractSigning")]
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })),
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 429, 429, 429])
      for (const refused of answers.filter((a) => a.status === 429))
        expect(refused.data).toMatchObject({ code: "sms_resend_too_soon", field: "subject" })
      expect(calls("acceptApplication") - acceptances).toBe(1)
      expect(calls("startContractSigning") - sends).toBe(1)
      const code = await smsCode(sandbox, form.applicant.mobile)
      const signed = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code })
      expect(signed.status).toBe(200)
    })

    it("Inbank failing to send the code: nothing is reserved, the shopper asks again at once and signs", async () => {
      const { shop, cartId, form } = await offerReady()
      sandbox.faults.add({
        endpoint: "startContractSigning",
        kind: "error",
        status: 503,
        latencyMs: 0,
        when: "before",
        times: 1,
      })
      const failed = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(failed.status).toBeGreaterThanOrEqual(500)
      const state = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank
      expect(state.signing).toMatchObject({ resend_in_seconds: 0 })
      const again = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(again.status).toBe(200)
      expect(again.data.inbank.signing).toMatchObject({ attempts_left: 3, resend_in_seconds: RESEND_SECONDS })
      const code = await smsCode(sandbox, form.applicant.mobile)
      expect(
        (await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code })).status,
      ).toBe(200)
    })

    it("five wrong codes sent at once: Inbank sees three tries of the code, the others are refused as void", async () => {
      const { shop, cartId, form } = await offerReady()
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
      const code = await smsCode(sandbox, form.applicant.mobile)
      const wrongCode = code === "000000" ? "111111" : "000000"
      const tries = () => sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length
      const before = tries()
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: wrongCode }),
        ),
      )
      expect(tries() - before).toBe(3)
      expect(answers.every((a) => a.status === 400)).toBe(true)
      const codes = answers.map((a) => a.data.code as string)
      expect(codes.filter((c) => c === "sms_code_void")).toHaveLength(3)
      expect(codes.filter((c) => c === "sms_code_refused")).toHaveLength(2)
      const state = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank
      expect(state.signing).toMatchObject({ attempts_left: 0, code_void: true })
    })

    it("before signing the state gives the contract document, generated once however often the shopper polls", async () => {
      const { shop, cartId, offered } = await offerReady()
      expect(offered.documents).toEqual([])
      const printoutsBefore = sandbox.bank.state.requests.filter((r) => r.endpoint === "getContractPrintout").length
      const accepted = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      const contract = sandbox.bank.state.contracts.get(accepted.data.inbank.contract.uuid)!
      const first = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank
      expect(first.documents).toEqual([{ type: "contract", url: `${sandbox.url}/printouts/${contract.printoutUuid}` }])
      const second = (await shop.get(`/store/carts/${cartId}/inbank`)).data.inbank
      expect(second.documents).toEqual(first.documents)
      expect(
        sandbox.bank.state.requests.filter((r) => r.endpoint === "getContractPrintout").length - printoutsBefore,
      ).toBe(1)
      // The link opens Inbank's document (the sandbox's printout page) with the contract's number.
      const page = await fetch(first.documents[0].url)
      expect(await page.text()).toContain(`Umowa kredytu ratalnego nr ${contract.number}`)
    })

    it("Inbank failing to give the contract document: the state answers without it, and polling does not ask again at once", async () => {
      const { shop, cartId } = await offerReady()
      const printouts = () => sandbox.bank.state.requests.filter((r) => r.endpoint === "getContractPrintout").length
      const before = printouts()
      // Every answer fails until cleared (the client's own retries included).
      sandbox.faults.add({ endpoint: "getContractPrintout", kind: "error", status: 503, latencyMs: 0, when: "before" })
      try {
        expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
        const poll = async () => {
          const state = await shop.get(`/store/carts/${cartId}/inbank`)
          expect(state.status).toBe(200)
          expect(state.data.inbank.documents).toEqual([])
        }
        await poll()
        const asked = printouts()
        expect(asked).toBeGreaterThan(before)
        await poll()
        await poll()
        expect(printouts()).toBe(asked)
      } finally {
        sandbox.faults.clear()
      }
    })

    it("guessing across codes: the per-application limit still stops the sixth guess within 15 minutes", async () => {
      const { shop, cartId, form } = await offerReady()
      await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      const guess = async () => {
        const code = await smsCode(sandbox, form.applicant.mobile)
        return (
          await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
            subject: "contract",
            code: code === "000000" ? "111111" : "000000",
          })
        ).data.code
      }
      const codes = [await guess(), await guess(), await guess()]
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
      codes.push(await guess(), await guess(), await guess())
      expect(codes).toEqual([
        "sms_code_refused",
        "sms_code_refused",
        "sms_code_void",
        "sms_code_refused",
        "sms_code_refused",
        "too_many_code_attempts",
      ])
    })
  },
})
