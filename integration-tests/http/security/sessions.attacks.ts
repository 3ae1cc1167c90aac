import { applicantForm } from "../../fixtures/shopper"
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
      await shop.post(`/store/carts/${other}/inbank/bank-verification`, { bank_id: "mbank", return_url: "http://localhost:8000/" }),
      await api.post(`/store/carts/${other}/inbank/income-proof`, upload, { headers: { "x-publishable-api-key": store.publishableKey }, validateStatus: () => true }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404])
    expect(sandbox.bank.state.requests.length).toBe(before)
  })

  it("refuses an Inbank payment session made with Medusa's own route from another cart's application data", async () => {
    const { sandbox } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const victim = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    await shop.post(`/store/carts/${victim}/inbank/application`, form)
    const victimCart = await shop.get(`/store/carts/${victim}?fields=*payment_collection.payment_sessions`)
    const victimData = victimCart.data.cart.payment_collection.payment_sessions[0].data

    const attacker = await shop.cart(store.variants.p399, store.regionId, 2)
    const collection = await shop.post(`/store/payment-collections`, { cart_id: attacker })
    const sessions = `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`
    for (const data of [{ application_uuid: victimData.application_uuid }, victimData]) {
      const forged = await shop.post(sessions, { provider_id: "pp_inbank_inbank", data })
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/POST \/store\/carts\/:id\/inbank\/application/)
    }
    const attackerCart = await shop.get(`/store/carts/${attacker}?fields=*payment_collection.payment_sessions`)
    expect(attackerCart.data.cart.payment_collection.payment_sessions).toEqual([])
    expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "acceptApplication")).toHaveLength(0)
  })
}
