import { createRegionsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import axios from "axios"
import { adminHeaders } from "../fixtures/admin"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, waitForAction } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" })
const inbankCalls = (endpoint: string) => sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)

    /** Application → first completion (contract signing starts) → SMS code → order. */
    async function buyWithSms(variantId: string, lastName?: string) {
      const cartId = await seeded.client.cart(variantId)
      const form = applicantForm(lastName)
      const applied = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      return { cartId, form, applied: applied.data.inbank }
    }

    async function signAndComplete(cartId: string, phone: string) {
      expect((await seeded.client.post(`/store/carts/${cartId}/complete`)).status).toBe(400)
      await waitForAction(seeded.client, cartId, "sign_contract")
      const confirmed = await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, phone),
      })
      expect(confirmed.status).toBe(200)
      const completed = await seeded.client.post(`/store/carts/${cartId}/complete`)
      expect(completed.data.type).toBe("order")
      return completed.data.order
    }

    it("without merchant approval the order's payment is captured, no capture call needed", async () => {
      const { cartId, form, applied } = await buyWithSms(seeded.store.variants.p15500)
      expect(applied).toMatchObject({
        application: { decision_status: "positive" },
        next_action: { type: "complete_cart" },
      })
      const order = await signAndComplete(cartId, form.applicant.mobile)

      const admin = await adminHeaders(getContainer())
      const { data } = await api.get(
        `/admin/orders/${order.id}?fields=+payment_status,*payment_collections.payments`,
        admin,
      )
      expect(data.order.payment_status).toBe("captured")
      expect(await waitForAction(seeded.client, cartId, "done")).toMatchObject({
        contract: { status: "activated" },
        session_status: "captured",
      })

      // Inbank's API has no refunds: Medusa's refund answers why, and where to go instead.
      const payment = data.order.payment_collections[0].payments[0]
      const refund = await api.post(
        `/admin/payments/${payment.id}/refund`,
        { amount: 10 },
        { ...admin, validateStatus: () => true },
      )
      expect(refund.status).toBe(400)
      expect(refund.data.message).toMatch(/Partner Portal/)
    })

    it("a negative decision refuses completion, makes no order, and tells the shopper", async () => {
      const { cartId, applied } = await buyWithSms(seeded.store.variants.p2400)
      expect(applied).toMatchObject({ application: { decision_status: "negative" }, next_action: { type: "declined" } })
      expect(applied.next_action.message).toMatch(/Wybierz inną metodę płatności/)

      const completion = await seeded.client.post(`/store/carts/${cartId}/complete`)
      expect(completion.status).toBe(400)
      expect(completion.data.type).not.toBe("order")
      expect(inbankCalls("acceptApplication")).toBe(0)
      const { data } = await api.get(`/admin/orders?fields=id`, await adminHeaders(getContainer()))
      const cart = await seeded.client.get(`/store/carts/${cartId}`)
      expect(cart.data.cart.completed_at).toBeNull()
      expect(data.orders.length).toBeGreaterThanOrEqual(0)
    })

    it("income proof by upload, then the order", async () => {
      const { cartId, form, applied } = await buyWithSms(seeded.store.variants.p399, "Income")
      expect(applied.next_action.type).toBe("upload_income_proof")

      const upload = new FormData()
      upload.append("files", new Blob([Buffer.from("%PDF-1.4 wyciąg")], { type: "application/pdf" }), "wyciag.pdf")
      const uploaded = await api.post(`/store/carts/${cartId}/inbank/income-proof`, upload, {
        headers: { "x-publishable-api-key": seeded.store.publishableKey },
        validateStatus: () => true,
      })
      expect(uploaded.status).toBe(200)
      expect(uploaded.data.inbank).toMatchObject({
        application: { decision_status: "positive" },
        next_action: { type: "complete_cart" },
      })
      expect((await signAndComplete(cartId, form.applicant.mobile)).id).toBeTruthy()
    })

    it("income proof and identity check through the bank (AIS), then the order", async () => {
      sandbox.updateSettings({ aisVerification: true })
      const { cartId, form, applied } = await buyWithSms(seeded.store.variants.p399, "Income")
      expect(applied.next_action.type).toBe("upload_income_proof")

      const banks = await seeded.client.get(`/store/carts/${cartId}/inbank/banks`)
      expect(banks.data.banks.length).toBeGreaterThan(0)
      const bankStep = async () => {
        const started = await seeded.client.post(`/store/carts/${cartId}/inbank/bank-verification`, {
          bank_id: banks.data.banks[0].id,
          return_url: "https://sklep.test/inbank/powrot",
        })
        expect(started.status).toBe(200)
        await axios.post(`${started.data.redirect_url}/complete`, null, {
          maxRedirects: 0,
          validateStatus: (s) => s === 303,
        })
      }
      await bankStep()
      await waitForAction(seeded.client, cartId, "complete_cart")

      expect((await seeded.client.post(`/store/carts/${cartId}/complete`)).status).toBe(400)
      await waitForAction(seeded.client, cartId, "sign_contract")
      await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: await smsCode(sandbox, form.applicant.mobile),
      })
      await waitForAction(seeded.client, cartId, "bank_verification")
      await bankStep()
      const completed = await seeded.client.post(`/store/carts/${cartId}/complete`)
      expect(completed.data.type).toBe("order")
    })

    it("cancelling the order cancels the contract at Inbank", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      const { cartId, form } = await buyWithSms(seeded.store.variants.p399)
      const order = await signAndComplete(cartId, form.applicant.mobile)
      const { contract } = await waitForAction(seeded.client, cartId, "done")
      expect(sandbox.bank.state.contracts.get(contract.uuid)?.processStatus).toBe("waiting_for_partners_confirmation")

      const admin = await adminHeaders(getContainer())
      const cancelled = await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect(cancelled.status).toBe(200)
      expect(sandbox.bank.state.contracts.get(contract.uuid)?.status).toBe("cancelled")
    })

    it("a changed cart cancels the old application; completion needs a new one", async () => {
      const { cartId, applied } = await buyWithSms(seeded.store.variants.p399)
      const oldUuid = applied.application.uuid

      const { data } = await seeded.client.get(`/store/carts/${cartId}`)
      const item = data.cart.items[0]
      const changed = await seeded.client.post(`/store/carts/${cartId}/line-items/${item.id}`, { quantity: 2 })
      expect(changed.status).toBe(200)
      expect(sandbox.bank.state.applications.get(oldUuid)?.stage).toBe("cancelled")

      expect((await seeded.client.post(`/store/carts/${cartId}/complete`)).status).toBe(400)
      expect((await seeded.client.get(`/store/carts/${cartId}/inbank`)).status).toBe(404)
      const again = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, applicantForm())
      expect(again.status).toBe(201)
      expect(again.data.inbank.application.amount).toBe("798.00")
      expect(again.data.inbank.application.decision_status).toBe("negative")
    })

    it("changed conditions: the new application UUID, period and offer are adopted everywhere and the flow completes", async () => {
      const { cartId, form, applied } = await buyWithSms(seeded.store.variants.p399, "Changed")
      const created = [...sandbox.bank.state.applications.values()].find((a) => a.uuid === applied.application.uuid)!
      expect(created.changedConditions).toBe(true)
      expect(created.previousUuid).toBeTruthy()
      // The shopper asked for 12 months; Inbank's new conditions say 18.
      expect(form.period).toBe(12)
      expect(created.period).toBe(18)
      expect(applied.application).toMatchObject({ period: 18, amount: "399.00" })
      const order = await signAndComplete(cartId, form.applicant.mobile)
      const admin = await adminHeaders(getContainer())
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      expect(data.order.payment_collections[0].payments[0].data.application_uuid).toBe(applied.application.uuid)
      const financing = (await api.get(`/admin/inbank/orders/${order.id}`, admin)).data.financing
      expect(financing).toMatchObject({ application: { uuid: applied.application.uuid }, period: 18, amount: "399.00" })
      expect(financing.offer).toMatchObject({ period: 18 })
    })

    it.each([
      ["invalid_pesel", "applicant.identity_code", (f: any) => (f.applicant.identity_code = "44051401358")],
      ["invalid_email", "applicant.email", (f: any) => (f.applicant.email = "not-an-email")],
      ["invalid_phone", "applicant.mobile", (f: any) => (f.applicant.mobile = "+49 600 100 200")],
      [
        "invalid_postal_code",
        "applicant.address.postal_code",
        (f: any) => (f.applicant.address.postal_code = "300-01"),
      ],
      ["invalid_amount", "applicant.monthly_income", (f: any) => (f.applicant.monthly_income = "6.000")],
      ["consent_required", "consents", (f: any) => (f.consents = [])],
      ["consent_required", "consents", (f: any) => (f.consents[0].value = false)],
      ["required", "applicant.monthly_income", (f: any) => delete f.applicant.monthly_income],
    ])(
      "bad input (%s, %s) is a 400 with its code and field in Polish, and Inbank is not called",
      async (code, field, spoil) => {
        const cartId = await seeded.client.cart(seeded.store.variants.p399)
        const form = applicantForm()
        spoil(form)
        const response = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)
        expect(response.status).toBe(400)
        expect(response.data).toMatchObject({
          code,
          field,
          message: expect.stringMatching(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|Pole|Podaj/),
        })
        expect(JSON.stringify(response.data)).not.toMatch(/44051401358|not-an-email|49 600|300-01|6\.000/)
        expect(inbankCalls("createApplication")).toBe(0)
      },
    )

    it("answers the same refusal in English to Accept-Language: en", async () => {
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const form = applicantForm()
      form.applicant.identity_code = "44051401358"
      const post = (language: string) =>
        api.post(`/store/carts/${cartId}/inbank/application`, form, {
          headers: { "x-publishable-api-key": seeded.store.publishableKey, "accept-language": language },
          validateStatus: () => true,
        })
      const [polish, english] = [await post("pl-PL,pl;q=0.9"), await post("en")]
      expect(polish.data).toMatchObject({
        code: "invalid_pesel",
        field: "applicant.identity_code",
        message: "Podaj prawidłowy numer PESEL (11 cyfr).",
      })
      expect(english.data).toMatchObject({
        code: "invalid_pesel",
        field: "applicant.identity_code",
        message: "Enter a valid PESEL number (11 digits).",
      })
      expect(english.status).toBe(400)
    })

    it("accepts a phone and an income written the Polish way, and Inbank gets them normalised", async () => {
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const form = applicantForm()
      Object.assign(form.applicant, {
        mobile: "+48 600 100 200",
        monthly_income: "6 000,50",
        monthly_obligations: "250 zł",
      })
      form.applicant.address.postal_code = "30 001"
      const applied = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)
      expect(applied.status).toBe(201)
      const application = sandbox.bank.state.applications.get(applied.data.inbank.application.uuid)!
      expect(application.applicant.mobile).toBe("+48600100200")
      expect(application.monthlyIncome).toBe("6000.50")
    })

    it("Inbank's generic 422 (a phone another customer uses) is a 400 inbank_refused that says what to check", async () => {
      const first = applicantForm()
      expect(
        (
          await seeded.client.post(
            `/store/carts/${await seeded.client.cart(seeded.store.variants.p399)}/inbank/application`,
            first,
          )
        ).status,
      ).toBe(201)
      const second = applicantForm()
      second.applicant.mobile = first.applicant.mobile.replace("+48", "48 ")
      const refused = await seeded.client.post(
        `/store/carts/${await seeded.client.cart(seeded.store.variants.p399)}/inbank/application`,
        second,
      )
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({
        code: "inbank_refused",
        field: "applicant",
        message: expect.stringMatching(/^Inbank nie przyjął wniosku\. Sprawdź, czy numer telefonu/),
      })
      expect(JSON.stringify(refused.data)).not.toMatch(/Error has occurred|createApplication|HTTP 422/)
    })

    it("refuses carts outside the amount range and non-PLN carts before calling Inbank", async () => {
      sandbox.updateSettings({ minAmount: "100.00" })
      const small = await seeded.client.post(
        `/store/carts/${await seeded.client.cart(seeded.store.variants.p50)}/inbank/application`,
        applicantForm(),
      )
      expect(small.status).toBe(400)
      expect(small.data).toMatchObject({
        code: "amount_below_minimum",
        field: "amount",
        message: "Raty Inbank są dostępne dla zakupów od 100,00 zł.",
      })

      const euro = await seeded.client.post(
        `/store/carts/${await seeded.client.cart(seeded.store.variants.p399, seeded.store.eurRegionId)}/inbank/application`,
        applicantForm(),
      )
      expect(euro.status).toBe(400)
      expect(euro.data).toMatchObject({ code: "currency_not_supported", field: "currency_code" })

      const {
        result: [withoutInbank],
      } = await createRegionsWorkflow(getContainer()).run({
        input: {
          regions: [{ name: "Polska bez rat", currency_code: "pln", payment_providers: ["pp_system_default"] }],
        },
      })
      const elsewhere = await seeded.client.post(
        `/store/carts/${await seeded.client.cart(seeded.store.variants.p399, withoutInbank.id)}/inbank/application`,
        applicantForm(),
      )
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.data).toMatchObject({
        code: "region_without_inbank",
        field: "region_id",
        message: "Raty Inbank nie są dostępne w tym regionie sklepu.",
      })
      expect(inbankCalls("createApplication")).toBe(0)
    })

    it.each(["inbank_application", "payment_session"])(
      "an application the store cannot save (%s refused) is withdrawn at Inbank, and the shopper's retry goes through",
      async (table) => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex.raw(
          `create or replace function refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`,
        )
        await knex.raw(
          `create trigger refuse_insert before insert on "${table}" for each row execute function refuse_insert()`,
        )
        const cartId = await seeded.client.cart(seeded.store.variants.p399)
        const form = applicantForm()
        const refused = await seeded.client
          .post(`/store/carts/${cartId}/inbank/application`, form)
          .finally(() => knex.raw(`drop trigger refuse_insert on "${table}"`))

        expect(refused.status).toBe(503)
        expect(refused.data).toMatchObject({ code: "application_not_recorded", retriable: true })
        const [withdrawn] = [...sandbox.bank.state.applications.values()].slice(-1)
        expect(withdrawn.stage).toBe("cancelled")
        const { rows: records } = await knex.raw(
          `select 1 from inbank_application where application_uuid = ? and deleted_at is null`,
          [withdrawn.uuid],
        )
        const { rows: sessions } = await knex.raw(
          `select 1 from payment_session where data->>'application_uuid' = ? and deleted_at is null`,
          [withdrawn.uuid],
        )
        expect({ records: records.length, sessions: sessions.length }).toEqual({ records: 0, sessions: 0 })

        const retried = await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)
        expect(retried.status).toBe(201)
        expect(retried.data.inbank.application.uuid).not.toBe(withdrawn.uuid)
        expect((await signAndComplete(cartId, form.applicant.mobile)).id).toMatch(/^order_/)
      },
    )

    it("asks Inbank at most once a second however many shoppers' requests arrive", async () => {
      sandbox.updateSettings({ decisionDelayMs: 60_000 })
      const { cartId } = await buyWithSms(seeded.store.variants.p399)
      const before = inbankCalls("getApplication")
      const answers = await Promise.all(
        Array.from({ length: 25 }, () => seeded.client.get(`/store/carts/${cartId}/inbank`)),
      )
      expect(answers.every((a) => a.status === 200 && a.data.inbank.next_action.type === "wait")).toBe(true)
      expect(inbankCalls("getApplication") - before).toBeLessThanOrEqual(1)
    })
  },
})
