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

    it("standard SMS flow: application signed, order on the second completion, capture = merchant approval", async () => {
      sandbox.updateSettings({ merchantApproval: true, applicationSigning: true })
      const shop = storeClient(api, store)
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()

      const applied = await shop.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      expect(applied.data.inbank).toMatchObject({ application: { decision_status: "pending", signed: false }, next_action: { type: "sign_application" } })

      expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "application" })).status).toBe(200)
      const wrong = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "application", code: "0000000" })
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toMatch(/^code: Inbank did not accept this code/)
      const signed = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "application", code: await smsCode(sandbox, form.applicant.mobile) })
      expect(signed.status).toBe(200)
      expect(signed.data.inbank).toMatchObject({
        application: { decision_status: "positive", signed: true },
        offer: { amount: "399.00", period: 12, monthly_payment: expect.stringMatching(/^\d+\.\d{2}$/) },
        next_action: { type: "complete_cart" },
      })

      const first = await shop.post(`/store/carts/${cartId}/complete`)
      expect(first.status).toBe(400)
      expect(await waitForAction(shop, cartId, "sign_contract")).toMatchObject({ contract: { status: "unsigned" } })

      await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: await smsCode(sandbox, form.applicant.mobile) })
      const second = await shop.post(`/store/carts/${cartId}/complete`)
      expect(second.status).toBe(200)
      expect(second.data.type).toBe("order")
      const order = second.data.order
      // Two authorizations, one acceptance: the second one finds the contract at Inbank.
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication")).toHaveLength(1)

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
  },
})
