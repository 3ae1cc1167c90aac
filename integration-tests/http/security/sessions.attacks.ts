import { Modules } from "@medusajs/framework/utils"
import { applicantForm, waitForAction } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

/** A shopper reaching an application that is not their cart's own. */
export function sessionAttacks(ctx: SecurityContext) {
  it("serves no store route of a cart from another cart's application", async () => {
    const { api, sandbox } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const cartId = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
    const other = await shop.cart(store.variants.p399)
    const before = sandbox.bank.state.requests.length

    const upload = new FormData()
    upload.append("files", new Blob([Buffer.from("%PDF-1.4")], { type: "application/pdf" }), "dochody.pdf")
    const answers = [
      await shop.get(`/store/carts/${other}/inbank`),
      await shop.post(`/store/carts/${other}/inbank/signing`, { subject: "contract" }),
      await shop.post(`/store/carts/${other}/inbank/signing/confirm`, { subject: "contract", code: "1234" }),
      await shop.get(`/store/carts/${other}/inbank/banks`),
      await shop.post(`/store/carts/${other}/inbank/bank-verification`, {
        bank_id: "mbank",
        return_url: "http://localhost:8000/",
      }),
      await api.post(`/store/carts/${other}/inbank/income-proof`, upload, {
        headers: { "x-publishable-api-key": store.publishableKey },
        validateStatus: () => true,
      }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404])
    expect(sandbox.bank.state.requests.length).toBe(before)
  })

  it("refuses Medusa's own session route for Inbank: a signed application's data copied to a cart with the same total makes no session and no order", async () => {
    const { sandbox, dbConnection } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const victim = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    expect((await shop.post(`/store/carts/${victim}/inbank/application`, form)).status).toBe(201)
    await waitForAction(shop, victim, "complete_cart")
    expect((await shop.post(`/store/carts/${victim}/inbank/signing`, { subject: "contract" })).status).toBe(200)
    expect(
      (
        await shop.post(`/store/carts/${victim}/inbank/signing/confirm`, {
          subject: "contract",
          code: await ctx.code(form.applicant.mobile),
        })
      ).status,
    ).toBe(200)
    const victimData = (await shop.get(`/store/carts/${victim}?fields=*payment_collection.payment_sessions`)).data.cart
      .payment_collection.payment_sessions[0].data

    // The same total: the old binding (application and amount only) accepted this.
    const attacker = await shop.cart(store.variants.p399)
    const collection = await shop.post(`/store/payment-collections`, { cart_id: attacker })
    const sessions = `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`
    for (const data of [{ application_uuid: victimData.application_uuid }, victimData]) {
      const forged = await shop.post(sessions, { provider_id: "pp_inbank_inbank", data })
      expect(forged.status).toBe(400)
      expect(forged.data).toMatchObject({ code: "inbank_session_from_application_route", field: "provider_id" })
      expect(forged.data.message).toMatch(/POST \/store\/carts\/:id\/inbank\/application/)
    }
    expect(
      (await shop.get(`/store/carts/${attacker}?fields=*payment_collection.payment_sessions`)).data.cart
        .payment_collection.payment_sessions,
    ).toEqual([])
    expect((await shop.post(`/store/carts/${attacker}/complete`)).data.type).not.toBe("order")

    // The victim's own cart still completes, into the application's one order.
    const completed = await shop.post(`/store/carts/${victim}/complete`)
    expect(completed.data.type).toBe("order")
    const { rows } = await dbConnection.raw(`select count(*)::int as orders from order_cart where cart_id in (?, ?)`, [
      victim,
      attacker,
    ])
    expect(rows[0].orders).toBe(1)
    expect(
      sandbox.bank.state.requests.filter(
        (r) => r.endpoint === "acceptApplication" && JSON.stringify(r).includes(victimData.application_uuid),
      ),
    ).toHaveLength(1)
  })

  it("completes no cart whose Inbank session names another cart's application, however the session got there", async () => {
    const { getContainer } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const victim = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    await shop.post(`/store/carts/${victim}/inbank/application`, form)
    await waitForAction(shop, victim, "complete_cart")
    await shop.post(`/store/carts/${victim}/inbank/signing`, { subject: "contract" })
    await shop.post(`/store/carts/${victim}/inbank/signing/confirm`, {
      subject: "contract",
      code: await ctx.code(form.applicant.mobile),
    })
    const victimSession = (await shop.get(`/store/carts/${victim}?fields=*payment_collection.payment_sessions`)).data
      .cart.payment_collection.payment_sessions[0]

    // Past the route guard (as another plugin's route or a future Medusa route might let it): the
    // session is made straight in the payment module, with the victim's bound data.
    const attacker = await shop.cart(store.variants.p399)
    const collection = await shop.post(`/store/payment-collections`, { cart_id: attacker })
    await getContainer().resolve(Modules.PAYMENT).createPaymentSession(collection.data.payment_collection.id, {
      provider_id: "pp_inbank_inbank",
      amount: 399,
      currency_code: "pln",
      data: victimSession.data,
    })

    const refused = await shop.post(`/store/carts/${attacker}/complete`)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/other_cart/)
    const { rows } = await ctx.dbConnection.raw(`select count(*)::int as orders from order_cart where cart_id = ?`, [
      attacker,
    ])
    expect(rows[0].orders).toBe(0)
    expect((await shop.post(`/store/carts/${victim}/complete`)).data.type).toBe("order")
  })
}
