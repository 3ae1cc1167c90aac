import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import axios from "axios"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { placeInbankOrder, storeClient } from "../fixtures/shopper"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let shop: ReturnType<typeof storeClient>
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedStore(getContainer())
      shop = storeClient(api, store)
    })
    beforeEach(async () => {
      sandbox.reset()
      sandbox.updateSettings({ merchantApproval: true })
      admin = await adminHeaders(getContainer())
    })

    const financedOrder = (variantId = store.variants.p399) =>
      placeInbankOrder(shop, variantId, (phone) => smsCode(sandbox, phone))
    const call = (method: "get" | "post", path: string, auth = true) =>
      api.request({ method, url: path, ...(auth ? admin : {}), validateStatus: () => true })

    it("every admin route answers 401 without an admin", async () => {
      const routes: ["get" | "post", string][] = [
        ["get", "/admin/inbank/applications"],
        ["get", "/admin/inbank/orders/order_x"],
        ["post", "/admin/inbank/orders/order_x/approve"],
        ["post", "/admin/inbank/orders/order_x/cancel"],
        ["get", "/admin/inbank/orders/order_x/printout"],
        ["post", "/admin/inbank/orders/order_x/refresh"],
      ]
      for (const [method, path] of routes) expect([path, (await call(method, path, false)).status]).toEqual([path, 401])
      expect((await call("get", "/admin/inbank/orders/order_unknown")).status).toBe(404)
    })

    it("shows the financing without personal data, approves once however often asked, and lists it first in the queue", async () => {
      const { orderId, form } = await financedOrder()
      const details = await call("get", `/admin/inbank/orders/${orderId}`)
      expect(details.status).toBe(200)
      expect(details.data.financing).toMatchObject({
        state: "awaiting_approval",
        color: "orange",
        amount: "399.00",
        contract: { status: "signed", process_status: "waiting_for_partners_confirmation" },
        actions: { approve: true, cancel: true, printout: true },
      })
      expect(details.data.financing.callbacks).toEqual([])
      const text = JSON.stringify(details.data)
      for (const secret of [
        form.applicant.identity_code,
        form.applicant.document_number,
        form.applicant.mobile,
        form.applicant.email,
        "sandbox-api-key",
      ]) {
        expect(text).not.toContain(secret)
      }

      // The record learns its order from Medusa's order.placed event.
      const queue = await eventually(async () => {
        const { data } = await call("get", "/admin/inbank/applications")
        return data.applications[0]?.order_id ? data : undefined
      })
      expect(queue.applications[0]).toMatchObject({ order_id: orderId, state: "awaiting_approval" })
      expect(
        (await call("get", "/admin/inbank/applications?state=financed")).data.applications.every(
          (r: any) => r.state === "financed",
        ),
      ).toBe(true)

      const [first, second] = await Promise.all([
        call("post", `/admin/inbank/orders/${orderId}/approve`),
        call("post", `/admin/inbank/orders/${orderId}/approve`),
      ])
      expect([first.status, second.status]).toEqual([200, 200])
      const contractUuid = details.data.financing.contract.uuid
      expect(sandbox.bank.state.contracts.get(contractUuid)?.status).toBe("activated")
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "approveContract")).toHaveLength(1)
      const again = await call("post", `/admin/inbank/orders/${orderId}/approve`)
      expect(again.data.financing).toMatchObject({
        state: "financed",
        color: "green",
        actions: { approve: false, cancel: false },
      })
      const order = await call(
        "get",
        `/admin/orders/${orderId}?fields=+payment_status,*payment_collections.payments.captures`,
      )
      expect(order.data.order.payment_status).toBe("captured")
      expect(order.data.order.payment_collections[0].payments[0].captures).toHaveLength(1)
    })

    it("cancels the contract at Inbank and the order in Medusa", async () => {
      const { orderId } = await financedOrder()
      const cancelled = await call("post", `/admin/inbank/orders/${orderId}/cancel`)
      expect(cancelled.status).toBe(200)
      expect(cancelled.data.financing).toMatchObject({ state: "cancelled", contract: { status: "cancelled" } })
      expect(sandbox.bank.state.contracts.get(cancelled.data.financing.contract.uuid)?.status).toBe("cancelled")
      const order = await call("get", `/admin/orders/${orderId}`)
      expect(order.data.order.status).toBe("canceled")
    })

    it("gives a fresh printout link and refreshes from Inbank", async () => {
      const { orderId } = await financedOrder()
      const printout = await call("get", `/admin/inbank/orders/${orderId}/printout`)
      expect(printout.status).toBe(200)
      expect((await axios.get(printout.data.link)).data).toContain("Umowa kredytu ratalnego")
      const refreshed = await call("post", `/admin/inbank/orders/${orderId}/refresh`)
      expect(refreshed.data.financing.state).toBe("awaiting_approval")
    })

    it("reaches a record's cart and order, and an order's records, through query.graph (src/links)", async () => {
      const { cartId, orderId } = await financedOrder()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const record = await eventually(async () => {
        const { data } = await query.graph({
          entity: "inbank_application",
          fields: ["id", "cart.id", "order.id"],
          filters: { cart_id: cartId },
        })
        return data[0]?.order && data[0]
      })
      expect(record).toMatchObject({ cart: { id: cartId }, order: { id: orderId } })
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["cart.inbank_application.id"],
        filters: { id: orderId },
      })
      expect(orders[0].cart.inbank_application.map((r: { id: string }) => r.id)).toEqual([record.id])
    })

    it("returns Inbank's failures as clear errors and changes nothing", async () => {
      const { orderId } = await financedOrder()
      await axios.post(`${sandbox.url}/__sandbox/faults`, { endpoint: "approveContract", kind: "error", status: 503 })
      const failed = await call("post", `/admin/inbank/orders/${orderId}/approve`)
      expect(failed.status).toBeGreaterThanOrEqual(400)
      expect(failed.data.message).toMatch(/Inbank approveContract failed with HTTP 503/)
      const order = await call("get", `/admin/orders/${orderId}?fields=+payment_status`)
      expect(order.data.order.payment_status).toBe("authorized")

      await axios.delete(`${sandbox.url}/__sandbox/faults`)
      expect((await call("post", `/admin/inbank/orders/${orderId}/approve`)).status).toBe(200)
    })
  },
})
