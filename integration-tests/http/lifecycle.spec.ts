import { createPromotionsWorkflow, createShippingOptionsWorkflow, updateRegionsWorkflow } from "@medusajs/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import { randomUUID } from "node:crypto"
import { signCallback } from "inbank-partner-api"
import { INBANK_MODULE } from "../../src/modules/inbank"
import { reconcileInbank } from "../../src/workflows/reconcile-inbank"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { orderOfCart, paymentOf } from "../fixtures/orders"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, placeInbankOrder, waitForAction } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" }, { callbacks: true })

/**
 * The financing lifecycle guarantees (README "Guarantees"): news of a superseded application never
 * touches the order its replacement paid for; an order cancelled in Medusa keeps no live financing
 * and is never approved; credit no order uses is cancelled at Inbank; the reconciliation job reaches
 * what needs attention however many finished records there are.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)
    const inbank = () => getContainer().resolve(INBANK_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const orderOf = (cartId: string) => orderOfCart(getContainer(), cartId)
    const staff = async () => ({ ...(await adminHeaders(getContainer())).headers, origin: "http://localhost:9000" })
    const asStaff = async (method: "get" | "post", url: string) =>
      api.request({ method, url, headers: await staff(), validateStatus: () => true })
    /** Every record due for the job now, as if its quiet period were over. */
    const dueNow = () => knex()("inbank_application").update({ check_after: new Date(0) })

    /** Applies on the cart (a second time replaces the first), signs the contract by SMS and leaves. */
    async function apply(cartId: string, period: number) {
      const form = applicantForm("Wiśniewska", { period })
      const applied = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      return { form, uuid: applied.data.inbank.application.uuid as string }
    }
    async function sign(cartId: string, phone: string) {
      expect((await seeded.client.post(`/store/carts/${cartId}/complete`)).status).toBe(400)
      await waitForAction(seeded.client, cartId, "sign_contract")
      const confirmed = await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, phone),
      })
      expect(confirmed.status).toBe(200)
    }

    /** Records as they stand after the job's first look: settled (never read again) or watched later. */
    async function insertRecords(count: number, checkAfter: Date | null) {
      const rows = Array.from({ length: count }, (_, i) => ({
        id: `inbapp_filler_${checkAfter ? "w" : "s"}_${i}_${randomUUID().slice(0, 8)}`,
        cart_id: `cart_filler_${i}`,
        application_uuid: randomUUID(),
        amount: 399,
        raw_amount: { value: "399", precision: 20 },
        currency_code: "pln",
        period: 12,
        decision_status: "negative",
        decision_requested_at: new Date(Date.now() - 86_400_000),
        created_at: new Date(Date.now() - 86_400_000),
        updated_at: new Date(Date.now() - 86_400_000),
        check_after: checkAfter,
      }))
      await knex()("inbank_application").insert(rows)
      return rows
    }

    it("a superseded application's news, by callback or by the job, leaves the order its replacement paid for untouched", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const first = await apply(cartId, 12)
      const second = await apply(cartId, 24)
      expect(sandbox.bank.application(first.uuid).stage).toBe("cancelled")
      await sign(cartId, second.form.applicant.mobile)
      const order = await eventually(async () => {
        const current = await orderOf(cartId)
        return paymentOf(current) ? current : undefined
      })
      const contractUuid = [...sandbox.bank.state.contracts.values()].find(
        (c) => c.applicationUuid === second.uuid,
      )!.uuid

      // Inbank's signed DECISION NEGATIVE about the first application, then the job on every record.
      const message = JSON.stringify({ type: "DECISION", status: "NEGATIVE", creditApplicationUuid: first.uuid })
      const timestamp = String(Date.now())
      sandbox.callbackSentElsewhere(first.uuid)
      const hook = await api.post(
        "/hooks/inbank",
        new URLSearchParams({
          message,
          timestamp,
          hmac: signCallback("sandbox-api-key", timestamp, message),
        }).toString(),
        {
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
      )
      expect(hook.status).toBe(200)
      await eventually(async () => {
        const callbacks = await inbank().listInbankCallbacks({ application_uuid: first.uuid, status: "NEGATIVE" })
        return callbacks[0]?.processed_at
      })
      await dueNow()
      await reconcileInbank(getContainer(), { olderThanMs: 0 })

      const after = await orderOf(cartId)
      expect(after).toMatchObject({ id: order.id, status: "pending" })
      expect(paymentOf(after)).toMatchObject({ captured_at: null, canceled_at: null })
      expect(sandbox.bank.contract(contractUuid)).toMatchObject({
        status: "signed",
        processStatus: "waiting_for_partners_confirmation",
      })
    })

    it("an order cancelled in Medusa while Inbank fails the cancel: never approved, its contract cancelled by the job once Inbank answers", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 0 })
      const { cartId, orderId } = await placeInbankOrder(seeded.client, seeded.store.variants.p399, (phone) =>
        smsCode(sandbox, phone),
      )
      const [record] = await inbank().listInbankApplications({ cart_id: cartId })
      const contractUuid = record.contract_uuid
      // Inbank refuses every cancel until it recovers.
      sandbox.faults.add({ endpoint: "cancelContract", kind: "error", status: 503, latencyMs: 0, when: "before" })

      const cancelled = await asStaff("post", `/admin/orders/${orderId}/cancel`)
      expect(cancelled.status).toBe(200)
      expect(sandbox.bank.contract(contractUuid).status).toBe("signed")
      const view = await eventually(async () => {
        const { data } = await asStaff("get", `/admin/inbank/orders/${orderId}`)
        return data.financing?.state === "cancellation_pending" && data
      })
      expect(view.financing.actions.approve).toBe(false)
      const approve = await asStaff("post", `/admin/inbank/orders/${orderId}/approve`)
      expect(approve.status).toBe(400)
      const paymentId = paymentOf(await orderOf(cartId))?.id
      if (paymentId) {
        const capture = await asStaff("post", `/admin/payments/${paymentId}/capture`)
        expect(capture.status).toBe(400)
      }
      expect(sandbox.bank.contract(contractUuid).status).toBe("signed")

      sandbox.faults.clear()
      await dueNow()
      const report = await reconcileInbank(getContainer(), { olderThanMs: 0 })
      expect(report.failures).toBe(0)
      expect(sandbox.bank.contract(contractUuid).status).toBe("cancelled")
      expect((await asStaff("get", `/admin/inbank/orders/${orderId}`)).data.financing.state).toBe("cancelled")
      expect(paymentOf(await orderOf(cartId))?.captured_at ?? null).toBeNull()
    })

    it("Medusa's own capture of a part of an Inbank payment is refused before Inbank hears of it; the whole amount approves the contract", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 0 })
      const { cartId } = await placeInbankOrder(seeded.client, seeded.store.variants.p399, (phone) =>
        smsCode(sandbox, phone),
      )
      const [record] = await inbank().listInbankApplications({ cart_id: cartId })
      const paymentId = paymentOf(await orderOf(cartId)).id
      const staffHeaders = await staff()
      const capture = (body: object) =>
        api.post(`/admin/payments/${paymentId}/capture`, body, { headers: staffHeaders, validateStatus: () => true })
      const partial = await capture({ amount: 100 })
      expect([partial.status, partial.data.code, partial.data.field]).toEqual([400, "partial_capture", "amount"])
      expect(sandbox.bank.contract(record.contract_uuid)).toMatchObject({ status: "signed" })
      expect((await capture({ amount: 399 })).status).toBe(200)
      await eventually(async () => sandbox.bank.contract(record.contract_uuid).status === "activated")
    })

    it("a signed contract the shopper does not pay with (another payment method) is cancelled at Inbank", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 600_000 })
      await updateRegionsWorkflow(getContainer()).run({
        input: {
          selector: { id: seeded.store.regionId },
          update: { payment_providers: ["pp_inbank_inbank", "pp_system_default"] },
        },
      })
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const { form } = await apply(cartId, 12)
      await sign(cartId, form.applicant.mobile)
      const [record] = await inbank().listInbankApplications({ cart_id: cartId })
      const contractUuid = record.contract_uuid
      const { data: carts } = await query().graph({
        entity: "cart",
        fields: ["payment_collection.id"],
        filters: { id: cartId },
      })
      const collectionId = carts[0].payment_collection.id
      const other = await seeded.client.post(`/store/payment-collections/${collectionId}/payment-sessions`, {
        provider_id: "pp_system_default",
      })
      expect(other.status).toBe(200)
      const completed = await seeded.client.post(`/store/carts/${cartId}/complete`)
      expect(completed.data.type).toBe("order")
      await eventually(async () => sandbox.bank.contract(contractUuid).status === "cancelled")
    })

    it("two application submissions at once on a cart with a payment collection: one application, one session, the other answered 409", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 0 })
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const first = await apply(cartId, 12)
      const before = sandbox.bank.state.applications.size
      const answers = await Promise.all(
        [12, 24].map((period) =>
          seeded.client.post(`/store/carts/${cartId}/inbank/application`, applicantForm("Wiśniewska", { period })),
        ),
      )
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
      expect(answers.find((a) => a.status === 409)!.data).toMatchObject({
        code: "application_in_progress",
        field: "cart_id",
      })
      expect(sandbox.bank.state.applications.size).toBe(before + 1)
      const { data: carts } = await query().graph({
        entity: "cart",
        fields: ["payment_collection.payment_sessions.data"],
        filters: { id: cartId },
      })
      const sessions = carts[0].payment_collection.payment_sessions
      expect(sessions).toHaveLength(1)
      const live = [...sandbox.bank.state.applications.values()].filter(
        (a: any) => a.stage !== "cancelled" && [first.uuid, sessions[0].data.application_uuid].includes(a.uuid),
      )
      expect(live.map((a: any) => a.uuid)).toEqual([sessions[0].data.application_uuid])
    })

    it("no new application once the cart's contract is signed: 409 contract_signed, and Inbank hears of none", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 600_000 })
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const { form } = await apply(cartId, 12)
      await sign(cartId, form.applicant.mobile)
      const before = sandbox.bank.state.applications.size
      const again = await seeded.client.post(
        `/store/carts/${cartId}/inbank/application`,
        applicantForm("Wiśniewska", { period: 24 }),
      )
      expect([again.status, again.data.code, again.data.field]).toEqual([409, "contract_signed", "cart_id"])
      expect(sandbox.bank.state.applications.size).toBe(before)
    })

    it("the purchase lines Inbank receives add up to the financed amount: a 10 % promotion and paid shipping", async () => {
      const container = getContainer()
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "RATY10",
              type: "standard",
              status: "active",
              application_method: {
                type: "percentage",
                target_type: "items",
                allocation: "across",
                value: 10,
                currency_code: "pln",
              },
            },
          ],
        },
      })
      const { data: options } = await query().graph({
        entity: "shipping_option",
        fields: ["service_zone_id", "shipping_profile_id"],
        filters: { id: seeded.store.shippingOptionId },
      })
      const { service_zone_id, shipping_profile_id } = options[0]
      const {
        result: [courier],
      } = await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: "Kurier",
            price_type: "flat",
            provider_id: "manual_manual",
            service_zone_id,
            shipping_profile_id,
            type: { label: "Kurier", description: "1 dzień", code: "courier" },
            prices: [{ currency_code: "pln", amount: 15 }],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "false", operator: "eq" },
            ],
          },
        ],
      })
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      expect(
        (await seeded.client.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id })).status,
      ).toBe(200)
      expect((await seeded.client.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["RATY10"] })).status).toBe(
        200,
      )
      const { uuid } = await apply(cartId, 12)
      const application = sandbox.bank.application(uuid)
      expect(application.amount).toBe("374.10")
      const items = (application.purchase as any).items as { name: string; quantity: number; price: string }[]
      const total = items.reduce(
        (sum, item) => sum.plus(new BigNumber(item.price).times(item.quantity)),
        new BigNumber(0),
      )
      expect(total.toFixed(2)).toBe("374.10")
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ price: "359.10" }),
          { name: "Dostawa", quantity: 1, price: "15.00" },
        ]),
      )
    })

    it("an order placed while Inbank still processed the signed contract gets its payment, captured once, when Inbank activates it", async () => {
      sandbox.updateSettings({ merchantApproval: false, activationDelayMs: 17_000, callbackDelayMs: 0 })
      try {
        const cartId = await seeded.client.cart(seeded.store.variants.p399)
        const { form } = await apply(cartId, 12)
        await sign(cartId, form.applicant.mobile)
        const completed = await seeded.client.post(`/store/carts/${cartId}/complete`)
        // Medusa placed the order while Inbank still processed the signed contract.
        const [record] = await inbank().listInbankApplications({ cart_id: cartId })
        expect(sandbox.bank.contract(record.contract_uuid).status).toBe("signed")
        const order = await eventually(async () => {
          const current = await orderOf(cartId)
          return paymentOf(current)?.captured_at ? current : undefined
        }, 30_000)
        expect(completed.data).toMatchObject({ type: "order", order: { id: order.id } })
        const { data } = await query().graph({
          entity: "order",
          fields: ["payment_collections.payments.captures.id", "payment_collections.payments.amount"],
          filters: { id: order.id },
        })
        const payments = data[0].payment_collections[0].payments
        expect(payments).toHaveLength(1)
        expect(payments[0].captures).toHaveLength(1)
      } finally {
        sandbox.updateSettings({ activationDelayMs: 0 })
      }
    })

    it("the job reaches a signed cart whose callbacks were lost, past any number of finished records, paging in SQL", async () => {
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 600_000 })
      await knex()("inbank_application").update({ check_after: null })
      const settled = await insertRecords(150, null)
      const watched = await insertRecords(30, new Date(Date.now() + 86_400_000))
      // Due before the cart, and unknown to Inbank: each read fails and is retried later.
      const failing = await insertRecords(25, new Date(Date.now() - 3_600_000))
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const { form } = await apply(cartId, 12)
      await sign(cartId, form.applicant.mobile)
      expect(await orderOf(cartId)).toBeUndefined()

      const report = await reconcileInbank(getContainer(), { olderThanMs: 0, batchSize: 10 })
      expect(report).toMatchObject({ applicationsChecked: 26, failures: 25 })
      const order = await orderOf(cartId)
      expect(paymentOf(order)).toMatchObject({ captured_at: null, canceled_at: null })

      const rows = await knex()("inbank_application").select("id", "check_after")
      const checkAfter = new Map(rows.map((row: any) => [row.id, row.check_after]))
      expect(settled.every((row) => checkAfter.get(row.id) === null)).toBe(true)
      expect(watched.every((row) => checkAfter.get(row.id).getTime() === row.check_after!.getTime())).toBe(true)
      // Failures are due again after the quiet period (0 here), the signed cart while it waits for the merchant.
      expect(failing.every((row) => checkAfter.get(row.id) !== null)).toBe(true)
      const [record] = await inbank().listInbankApplications({ cart_id: cartId })
      expect(new Date(record.check_after).getTime()).toBeGreaterThan(Date.now())
    })
  },
})
