import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../fixtures/admin"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, storeClient, waitForAction } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "true" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

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
        message: "Nieprawidłowy kod SMS. Sprawdź wiadomość i spróbuj ponownie.",
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
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: false })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      await waitForAction(shop, cartId, "complete_cart")
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

    it("accept and sign: refused before Inbank's decision; asking again sends a new code without a second acceptance", async () => {
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: false, decisionDelayMs: 60_000 })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      const applied = await shop.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      const calls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length
      const acceptancesBefore = calls("acceptApplication")

      const early = await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      expect(early.status).toBe(400)
      expect(early.data).toMatchObject({ code: "no_offer", field: "subject" })
      expect(calls("acceptApplication")).toBe(acceptancesBefore)

      sandbox.bank.forceDecision(applied.data.inbank.application.uuid, "positive")
      await waitForAction(shop, cartId, "complete_cart")
      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
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
  },
})
