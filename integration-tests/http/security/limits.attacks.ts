import { applicantForm, placeInbankOrder, waitForAction } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

/** Guessing and flooding through the store routes. */
export function limitAttacks(ctx: SecurityContext) {
  it("rate limits SMS-code confirmation per cart: the sixth attempt in 15 minutes gets 429, even with the right code", async () => {
    const { api, sandbox } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const cartId = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    await shop.post(`/store/carts/${cartId}/inbank/application`, form)
    await shop.post(`/store/carts/${cartId}/complete`)
    await waitForAction(shop, cartId, "sign_contract")
    const attempts = []
    for (let i = 0; i < 5; i++) attempts.push((await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: "000000" })).status)
    expect(attempts.every((status) => status === 400)).toBe(true)

    const confirmsBefore = sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length
    const limited = await api.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: await ctx.code(form.applicant.mobile) }, {
      headers: { "x-publishable-api-key": store.publishableKey },
      validateStatus: () => true,
    })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800)
    expect(limited.data.message).toMatch(/^code: too many attempts/)
    expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length).toBe(confirmsBefore)

    // Another cart is not affected.
    const other = await placeInbankOrder(shop, store.variants.p399, ctx.code)
    ctx.remember(other.form)
    expect(other.orderId).toMatch(/^order_/)
  })
}
