import { applicantForm } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

/** Oversized request bodies. */
export function bodyAttacks(ctx: SecurityContext) {
  it("limits request body sizes: 413 and nothing changed (an upload to a cart without application: 404 before its body is read)", async () => {
    const { api, sandbox } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const cartId = await shop.cart(store.variants.p399)
    const big = (kb: number) => "x".repeat(kb * 1024)
    const before = sandbox.bank.state.requests.length
    const bigFile = new FormData()
    bigFile.append("files", new Blob([Buffer.alloc(10 * 1024 * 1024 + 1)], { type: "application/pdf" }), "duzy.pdf")
    const answers = [
      await shop.post(`/store/carts/${cartId}/inbank/application`, { ...applicantForm(), padding: big(80) }),
      await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract", padding: big(5) }),
      await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
        subject: "contract",
        code: "1234",
        padding: big(5),
      }),
      await shop.post(`/store/carts/${cartId}/inbank/bank-verification`, {
        bank_id: "mbank",
        return_url: "http://localhost/",
        padding: big(5),
      }),
      await api.post(`/store/carts/${cartId}/inbank/income-proof`, bigFile, {
        headers: { "x-publishable-api-key": store.publishableKey },
        validateStatus: () => true,
      }),
      await api.post(`/hooks/inbank`, new URLSearchParams({ message: big(17) }), { validateStatus: () => true }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([413, 413, 413, 413, 404, 413])
    expect(sandbox.bank.state.requests.length).toBe(before)
    expect((await shop.get(`/store/carts/${cartId}/inbank`)).status).toBe(404)
  })
}
