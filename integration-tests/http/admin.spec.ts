import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import axios from "axios"
import { INBANK_MODULE } from "../../src/modules/inbank"
import type InbankModuleService from "../../src/modules/inbank/service"
import { sendInbankApprovalNotice } from "../../src/workflows/notify-inbank-approval"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, placeInbankOrder, storeClient, waitForAction } from "../fixtures/shopper"
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
        ["post", "/admin/inbank/applications/inbapp_x/cancel"],
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
      expect(queue.applications[0]).toMatchObject({
        order_id: orderId,
        state: "awaiting_approval",
        customer_name: "Zofia K",
        actions: { cancel: false },
      })
      const { data: orderData } = await call("get", `/admin/orders/${orderId}?fields=display_id`)
      expect(queue.applications[0].display_id).toBe(orderData.order.display_id)
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

    /** Every admin notification of the feed about the order (the admin's bell lists the same, channel "feed"). */
    const feedNotices = async (orderId: string) =>
      ((await call("get", "/admin/notifications?channel=feed&limit=500")).data.notifications as any[]).filter(
        (n) => n.resource_id === orderId,
      )

    it("tells staff once, in the admin's notification feed, that the order's contract waits for approval", async () => {
      const { orderId } = await financedOrder()
      const { data } = await call("get", `/admin/orders/${orderId}?fields=display_id`)
      const notices = await eventually(async () =>
        (await feedNotices(orderId)).length ? feedNotices(orderId) : undefined,
      )
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({ channel: "feed", template: "admin-ui", to: "", resource_type: "order" })
      expect(notices[0].data.title).toBe(`Umowa Inbank czeka na akceptację — zamówienie #${data.order.display_id}`)
      expect(notices[0].data.description.replace(/\u00a0/g, " ")).toContain("399,00 zł")

      // Asked again from both paths at once (order placed, the approval event): still one.
      const record = (
        await getContainer().resolve<InbankModuleService>(INBANK_MODULE).listInbankApplications({ order_id: orderId })
      )[0]
      await Promise.all([
        sendInbankApprovalNotice(getContainer(), record.id),
        sendInbankApprovalNotice(getContainer(), record.id),
      ])
      expect(await feedNotices(orderId)).toHaveLength(1)

      // Approved: nothing more is due.
      await call("post", `/admin/inbank/orders/${orderId}/approve`)
      await sendInbankApprovalNotice(getContainer(), record.id)
      expect(await feedNotices(orderId)).toHaveLength(1)
    })

    it("filters, orders and pages the queue in SQL: a flood of 600 applications hides no contract awaiting approval, and no page carries secrets", async () => {
      const { orderId, form } = await financedOrder()
      await eventually(async () =>
        (await call("get", "/admin/inbank/applications?state=awaiting_approval&limit=200")).data.applications.some(
          (r: any) => r.order_id === orderId,
        )
          ? true
          : undefined,
      )

      // 600 newer applications (records written as the plugin writes them), half declined, half undecided.
      const inbank = getContainer().resolve<InbankModuleService>(INBANK_MODULE)
      const flood = await inbank.createInbankApplications(
        Array.from({ length: 600 }, (_, i) => ({
          cart_id: `cart_flood_${i}`,
          application_uuid: randomUUID(),
          amount: "1000.00" as unknown as number,
          currency_code: "pln",
          period: 12,
          decision_status: "pending",
          decision_requested_at: new Date(),
        })),
      )
      for (const [i, record] of flood.entries())
        await inbank.saveRecord({
          id: record.id,
          decision_status: i % 2 ? "pending" : "negative",
          application_number: `F${i}`,
        })

      const first = (await call("get", "/admin/inbank/applications?limit=20")).data
      expect(first.count).toBeGreaterThanOrEqual(601)
      const waiting = first.applications.findIndex((row: any) => row.state !== "awaiting_approval")
      expect(waiting).toBeGreaterThan(0)
      expect(first.applications.slice(0, waiting).map((row: any) => row.order_id)).toContain(orderId)
      expect(first.applications.slice(waiting).every((row: any) => row.state !== "awaiting_approval")).toBe(true)

      // Every record once across the pages, in the same order as one big page.
      const rows: any[] = []
      for (let offset = 0; offset < first.count; offset += 150) {
        const page = await call("get", `/admin/inbank/applications?limit=150&offset=${offset}`)
        expect(page.status).toBe(200)
        rows.push(...page.data.applications)
      }
      expect(rows).toHaveLength(first.count)
      expect(new Set(rows.map((row) => row.id)).size).toBe(first.count)
      expect(rows.slice(0, 20).map((row) => row.id)).toEqual(first.applications.map((row: any) => row.id))

      const declined = (await call("get", "/admin/inbank/applications?state=declined&limit=200")).data
      expect(declined.count).toBeGreaterThanOrEqual(300)
      expect(declined.applications).toHaveLength(200)
      expect(declined.applications.every((row: any) => row.state === "declined" && row.color === "red")).toBe(true)
      expect(
        (await call("get", "/admin/inbank/applications?state=awaiting_decision&limit=1")).data.count,
      ).toBeGreaterThanOrEqual(300)

      const text = JSON.stringify(rows)
      for (const secret of [
        form.applicant.identity_code,
        form.applicant.document_number,
        form.applicant.mobile,
        form.applicant.email,
        form.applicant.monthly_income,
        "sandbox-api-key",
      ]) {
        expect(text).not.toContain(String(secret))
      }
      for (const query of ["limit=0", "limit=201", "offset=-1", "state=bogus", "state=cancellation_pending"]) {
        const refused = await call("get", `/admin/inbank/applications?${query}`)
        expect([query, refused.status, refused.data.code]).toEqual([query, 400, "invalid_query"])
      }
    })

    it("cancels at Inbank the financing of an application that has no order, and only that", async () => {
      const cartId = await shop.cart(store.variants.p399)
      expect((await shop.post(`/store/carts/${cartId}/inbank/application`, applicantForm())).status).toBe(201)
      const state = await waitForAction(shop, cartId, "complete_cart")
      const row = (
        await call("get", "/admin/inbank/applications?state=awaiting_customer&limit=200")
      ).data.applications.find((r: any) => r.application_number === state.application.number)
      expect(row).toMatchObject({
        order_id: null,
        display_id: null,
        customer_name: "Zofia K",
        state: "awaiting_customer",
        actions: { cancel: true },
      })

      const cancelled = await call("post", `/admin/inbank/applications/${row.id}/cancel`)
      expect(cancelled.status).toBe(200)
      expect(cancelled.data.application).toMatchObject({ id: row.id, state: "cancelled", actions: { cancel: false } })
      expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "cancelApplication")).toHaveLength(1)
      expect((await call("post", `/admin/inbank/applications/${row.id}/cancel`)).data.code).toBe("nothing_to_cancel")

      const { orderId } = await financedOrder()
      const ordered = await eventually(async () =>
        (await call("get", "/admin/inbank/applications?state=awaiting_approval&limit=200")).data.applications.find(
          (r: any) => r.order_id === orderId,
        ),
      )
      const refused = await call("post", `/admin/inbank/applications/${ordered.id}/cancel`)
      expect([refused.status, refused.data.code, refused.data.field]).toEqual([409, "has_order", "id"])
      expect((await call("post", "/admin/inbank/applications/inbapp_unknown/cancel")).status).toBe(404)
    })

    it("staff cancelling while the shopper completes the cart: either the order stands with its contract (409 has_order) or the financing is cancelled and no order is placed", async () => {
      const cartId = await shop.cart(store.variants.p399)
      const form = applicantForm()
      expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      await waitForAction(shop, cartId, "complete_cart")
      await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
      const signed = await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      expect(signed.status).toBe(200)
      const row = (await call("get", "/admin/inbank/applications?limit=200")).data.applications.find(
        (r: any) => r.application_number === signed.data.inbank.application.number,
      )
      expect(row.actions.cancel).toBe(true)

      // Inbank answers slowly: the cancel is still at Inbank when the shopper completes the cart.
      sandbox.updateSettings({ latencyMs: 500 })
      const cancelling = call("post", `/admin/inbank/applications/${row.id}/cancel`)
      await new Promise((resolve) => setTimeout(resolve, 40))
      const [cancelled, completed] = await Promise.all([cancelling, shop.post(`/store/carts/${cartId}/complete`)])
      sandbox.updateSettings({ latencyMs: 0 })

      const contract = sandbox.bank.state.contracts.get(signed.data.inbank.contract.uuid)!
      const orderId: string | undefined = completed.data.order?.id
      if (orderId) {
        expect([cancelled.status, cancelled.data.code]).toEqual([409, "has_order"])
        expect(contract.status).toBe("signed")
        expect((await call("get", `/admin/orders/${orderId}`)).data.order.status).not.toBe("canceled")
      } else {
        expect(cancelled.status).toBe(200)
        expect(contract.status).toBe("cancelled")
      }
    })

    it("shows the last known state, and no actions, for an order whose application Inbank no longer knows", async () => {
      const { orderId } = await financedOrder()
      sandbox.reset()
      // The record read while the order was placed is answered for a second (one read per second).
      const details = await eventually(async () => {
        const answer = await call("get", `/admin/inbank/orders/${orderId}`)
        return answer.status !== 200 || answer.data.financing.unknown_at_inbank ? answer : undefined
      })
      expect(details.status).toBe(200)
      expect(details.data.financing).toMatchObject({
        unknown_at_inbank: true,
        state: "awaiting_approval",
        actions: { approve: false, cancel: false, printout: false },
      })
    })
  },
})
