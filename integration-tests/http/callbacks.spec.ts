import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { signCallback } from "inbank-partner-api"
import { INBANK_MODULE } from "../../src/modules/inbank"
import { insertCallbacks } from "../../src/modules/inbank/callback-table"
import { reconcileInbank } from "../../src/workflows/reconcile-inbank"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { orderOfCart, paymentOf } from "../fixtures/orders"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, waitForAction } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" }, { callbacks: true })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)

    const inbank = () => getContainer().resolve(INBANK_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const orderOf = (cartId: string) => orderOfCart(getContainer(), cartId)
    /** The order once it is whole: Medusa links the order before its payment within one completion. */
    const placedOrder = (cartId: string) =>
      eventually(async () => {
        const order = await orderOf(cartId)
        return paymentOf(order) ? order : undefined
      })

    /** Application, first completion (contract created, SMS sent), code confirmed: the shopper then leaves. */
    async function signAndLeave(variantId = seeded.store.variants.p399, lastName?: string) {
      const cartId = await seeded.client.cart(variantId)
      const form = applicantForm(lastName)
      expect((await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      expect((await seeded.client.post(`/store/carts/${cartId}/complete`)).status).toBe(400)
      await waitForAction(seeded.client, cartId, "sign_contract")
      const contractUuid = (await seeded.client.get(`/store/carts/${cartId}/inbank`)).data.inbank.contract.uuid
      await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      return { cartId, contractUuid }
    }

    async function post(fields: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
      const body = contentType.includes("urlencoded") ? new URLSearchParams(fields).toString() : JSON.stringify(fields)
      // The test speaks as Inbank: the sandbox's read ledger counts its callback as one Inbank sent.
      const about = (() => {
        try {
          return JSON.parse(fields.message).creditApplicationUuid
        } catch {
          return undefined
        }
      })()
      if (typeof about === "string") sandbox.callbackSentElsewhere(about)
      const response = await api.post("/hooks/inbank", body, {
        headers: { "content-type": contentType },
        validateStatus: () => true,
      })
      return response
    }
    const signed = (message: string, timestamp = String(Date.now()), key = "sandbox-api-key") => ({
      message,
      timestamp,
      hmac: signCallback(key, timestamp, message),
    })

    it("the callback alone turns a signed contract into an order with an authorized payment", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      const { cartId } = await signAndLeave()
      const order = await placedOrder(cartId)
      expect(order.status).toBe("pending")
      expect(paymentOf(order)).toMatchObject({ captured_at: null, canceled_at: null })
      // One order for the cart, and the record learns it (order.placed subscriber or the processing itself).
      const { data: links } = await query().graph({
        entity: "order_cart",
        fields: ["order_id"],
        filters: { cart_id: cartId },
      })
      expect(links).toHaveLength(1)
      const record = await eventually(async () => {
        const [current] = await inbank().listInbankApplications({ cart_id: cartId })
        return current.order_id === order.id ? current : undefined
      })
      const { data: orders } = await query().graph({ entity: "order", fields: ["id", "status"] })
      expect(orders.filter((o: any) => o.status !== "canceled").map((o: any) => o.id)).toEqual([order.id])
      const callbacks = await inbank().listInbankCallbacks({ application_uuid: record.application_uuid })
      expect(callbacks.map((c: any) => c.status).sort()).toEqual([
        "ACTIVATION_REQUIRES_PARTNER_APPROVAL",
        "POSITIVE",
        "SIGNED",
        "UNSIGNED",
      ])
    })

    it("ACTIVATED after an admin capture keeps one capture; ACTIVATED without one captures the payment", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      const admin = await adminHeaders(getContainer())

      const first = await signAndLeave()
      const order = await placedOrder(first.cartId)
      expect((await api.post(`/admin/payments/${paymentOf(order).id}/capture`, {}, admin)).status).toBe(200)
      const [record] = await inbank().listInbankApplications({ cart_id: first.cartId })
      await eventually(
        async () =>
          (
            await inbank().listInbankCallbacks({
              application_uuid: record.application_uuid,
              status: "ACTIVATED",
              processed_at: { $ne: null },
            })
          ).length > 0,
      )
      expect(paymentOf(await orderOf(first.cartId)).captures).toHaveLength(1)

      const second = await signAndLeave()
      const unpaid = await placedOrder(second.cartId)
      // The merchant approves in Inbank's Partner Portal, not in Medusa.
      sandbox.bank.approveContract(second.contractUuid)
      const captured = await eventually(async () => {
        const current = await orderOf(second.cartId)
        return paymentOf(current).captured_at ? current : undefined
      })
      expect(captured.id).toBe(unpaid.id)
      expect(paymentOf(captured).captures).toHaveLength(1)
    })

    it("the same callback ten times at once is recorded and processed once; later copies of it do nothing", async () => {
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const applied = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, applicantForm())
      const uuid = applied.data.inbank.application.uuid
      await eventually(
        async () =>
          (await inbank().listInbankCallbacks({ application_uuid: uuid, processed_at: { $ne: null } })).length === 1,
      )
      const gets = () => sandbox.bank.state.requests.filter((r) => r.endpoint === "getApplication").length

      // Inbank's POSITIVE once more, with its own signed timestamp: a new delivery, processed once.
      const message = JSON.stringify({ type: "DECISION", status: "POSITIVE", creditApplicationUuid: uuid })
      const fields = signed(message)
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(fields)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      expect(answers.filter((a) => a.data.duplicate)).toHaveLength(9)
      const processed = await eventually(async () => {
        const callbacks = await inbank().listInbankCallbacks({ application_uuid: uuid, processed_at: { $ne: null } })
        return callbacks.length === 2 && callbacks
      })
      expect(processed.map((c: any) => c.attempts)).toEqual([1, 1])

      const before = gets()
      const again = await Promise.all(Array.from({ length: 10 }, () => post(fields)))
      expect(again.filter((a) => a.status === 200 && a.data.duplicate)).toHaveLength(10)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await inbank().listInbankCallbacks({ application_uuid: uuid })).toHaveLength(2)
      expect(gets() - before).toBe(0)
    })

    it("a new callback ten times at once is recorded once, and one statement of many callbacks keeps each key's first", async () => {
      const uuid = "3f1d8a2e-6c4b-4e59-9b0a-1d2e3f4a5b6c"
      const fields = signed(JSON.stringify({ type: "DECISION", status: "NEGATIVE", creditApplicationUuid: uuid }))
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(fields)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      expect(answers.filter((a) => !a.data.duplicate)).toHaveLength(1)
      expect(await inbank().listInbankCallbacks({ application_uuid: uuid })).toHaveLength(1)

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const sentAt = new Date()
      const callback = (application_uuid: string) => ({
        application_uuid,
        type: "CONTRACT",
        status: "SIGNED",
        sent_at: sentAt,
      })
      const [b, a] = ["b0000000-0000-4000-8000-000000000000", "a0000000-0000-4000-8000-000000000000"]
      const ids = await insertCallbacks(knex, [callback(b), callback(a), callback(b), callback(uuid)])
      expect(ids.map((id) => id !== null)).toEqual([true, true, false, true])
      const [recordedB] = await inbank().listInbankCallbacks({ application_uuid: b })
      expect(recordedB.id).toBe(ids[0])
    })

    it("a recorded callback whose event never went out (process stopped) is processed by the reconciliation job", async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const uuid = "0b6f3c52-95a4-4d0e-9a53-6a1f2f0e7c11"
      const [id] = (await insertCallbacks(knex, [
        { application_uuid: uuid, type: "DECISION", status: "POSITIVE", sent_at: new Date() },
      ])) as [string]
      const [recorded] = await inbank().listInbankCallbacks({ id })
      expect(recorded).toMatchObject({ attempts: 0, processed_at: null })

      const report = await reconcileInbank(getContainer(), { olderThanMs: 0 })
      expect(report.callbacksRetried).toBeGreaterThanOrEqual(1)
      const [processed] = await inbank().listInbankCallbacks({ id })
      expect(processed).toMatchObject({ attempts: 1, outcome: "unknown_application" })
      expect(processed.processed_at).not.toBeNull()
    })

    it("rejects forged, stale, malformed and oversized callbacks and records nothing", async () => {
      const uuid = "59d2194c-634f-4632-91b6-300b58e628ce"
      const message = JSON.stringify({ type: "DECISION", status: "POSITIVE ", creditApplicationUuid: uuid })
      const good = signed(message)
      const cases: [string, Promise<{ status: number }>, number][] = [
        ["forged hmac", post({ ...good, hmac: good.hmac.replace(/^./, good.hmac[0] === "a" ? "b" : "a") }), 401],
        ["wrong key", post(signed(message, String(Date.now()), "another-key")), 401],
        ["missing hmac", post({ message, timestamp: good.timestamp }), 401],
        ["stale timestamp", post(signed(message, String(Date.now() - 3_600_000))), 401],
        ["missing message", post({ hmac: good.hmac, timestamp: good.timestamp }), 400],
        ["message not JSON", post(signed("{not json")), 400],
        ["message without uuid", post(signed(JSON.stringify({ type: "DECISION", status: "POSITIVE" }))), 400],
        ["JSON body", post(good, "application/json"), 400],
        ["1 MB body", post({ ...good, padding: "x".repeat(1024 * 1024) }), 413],
      ]
      for (const [name, response, status] of cases) {
        expect([name, (await response).status]).toEqual([name, status])
      }
      expect(await inbank().listInbankCallbacks({ application_uuid: uuid })).toHaveLength(0)
    })

    it("accepts timestamps in seconds as well as milliseconds", async () => {
      const uuid = "0c9f7a52-1111-4222-8333-444455556666"
      const message = (status: string) => JSON.stringify({ type: "CONTRACT", status, creditApplicationUuid: uuid })
      expect((await post(signed(message("SIGNED"), String(Math.floor(Date.now() / 1000))))).status).toBe(200)
      expect((await post(signed(message("ACTIVATED"), String(Date.now())))).status).toBe(200)
      expect(await inbank().listInbankCallbacks({ application_uuid: uuid })).toHaveLength(2)
    })

    it("out-of-order delivery (ACTIVATED before SIGNED) still ends captured", async () => {
      sandbox.updateSettings({ callbackOutOfOrder: true, callbackDelayMs: 300 })
      const { cartId } = await signAndLeave()
      const order = await eventually(async () => {
        const current = await orderOf(cartId)
        return current && paymentOf(current)?.captured_at ? current : undefined
      })
      expect(paymentOf(order).captures).toHaveLength(1)
    })

    it("a contract cancelled by Inbank cancels the payment and the order", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      const { cartId, contractUuid } = await signAndLeave()
      const order = await placedOrder(cartId)
      sandbox.bank.cancelContract(contractUuid)
      const cancelled = await eventually(async () => {
        const current = await orderOf(cartId)
        return current.status === "canceled" ? current : undefined
      })
      expect(cancelled.id).toBe(order.id)
      expect(paymentOf(cancelled).canceled_at).toBeTruthy()
    })

    it("a NEGATIVE decision after the shopper left shows declined", async () => {
      sandbox.updateSettings({ decisionDelayMs: 300 })
      const cartId = await seeded.client.cart(seeded.store.variants.p2400)
      const applied = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, applicantForm())
      expect(applied.data.inbank.next_action.type).toBe("wait")
      await eventually(async () => {
        const { data } = await query().graph({
          entity: "cart",
          fields: ["payment_collection.payment_sessions.status"],
          filters: { id: cartId },
        })
        return data[0].payment_collection.payment_sessions[0].status === "error"
      })
      expect((await seeded.client.get(`/store/carts/${cartId}/inbank`)).data.inbank.next_action.type).toBe("declined")
    })

    it("merchant events follow Inbank's state as read: each once, also when the shopper's page saw the change first; reconciliation announces what it observes", async () => {
      const published: { name: string; data: any }[] = []
      const listener = async (event: { name: string; data: any }) => void published.push(event)
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const context = { subscriberId: "callbacks-spec-merchant-events" }
      bus.subscribe("*", listener, context)
      try {
        sandbox.updateSettings({ merchantApproval: true })
        const { cartId, contractUuid } = await signAndLeave()
        const order = await placedOrder(cartId)
        const [record] = await inbank().listInbankApplications({ cart_id: cartId })
        const events = () =>
          published.filter((e) => e.name.startsWith("inbank.") && e.data?.application_uuid === record.application_uuid)
        const names = () => events().map((e) => e.name)
        await eventually(async () => names().includes("inbank.contract.activation_requires_partner_approval"))
        await new Promise((resolve) => setTimeout(resolve, 500))
        // The shopper's polling stored each state before its callback came: the events still went out, once each.
        expect(names()).toEqual(
          expect.arrayContaining([
            "inbank.decision.positive",
            "inbank.contract.signed",
            "inbank.contract.activation_requires_partner_approval",
          ]),
        )
        expect(new Set(names()).size).toBe(names().length)
        expect(events().at(-1)!.data).toEqual({
          application_uuid: record.application_uuid,
          cart_id: cartId,
          order_id: order.id,
          session_status: "authorized",
        })

        // Callbacks lost from here: the job reads the activation and announces it, once.
        sandbox.updateSettings({ callbackDelayMs: 600_000 })
        sandbox.bank.approveContract(contractUuid)
        await eventually(async () => sandbox.bank.contract(contractUuid).status === "activated")
        // The job runs as often as it likes; Inbank is read at most once a second (the read gate).
        await eventually(async () => {
          await knex()("inbank_application")
            .where({ id: record.id })
            .update({ check_after: new Date(0) })
          await reconcileInbank(getContainer(), { olderThanMs: 0 })
          return names().includes("inbank.contract.activated")
        })
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(names().filter((name) => name === "inbank.contract.activated")).toHaveLength(1)
        expect(events().at(-1)!.data).toMatchObject({ order_id: order.id, session_status: "captured" })
      } finally {
        bus.unsubscribe("*", listener, context)
      }
    })

    it("when callbacks are lost, the reconciliation job reaches the same end state", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 600_000 })
      const { cartId } = await signAndLeave()
      expect(await orderOf(cartId)).toBeUndefined()

      const report = await reconcileInbank(getContainer(), { olderThanMs: 0 })
      expect(report.applicationsChecked).toBeGreaterThan(0)
      const order = await orderOf(cartId)
      expect(order).toBeTruthy()
      expect(paymentOf(order)).toMatchObject({ captured_at: null, canceled_at: null })
    })
  },
})
