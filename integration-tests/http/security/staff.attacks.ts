import fs from "node:fs"
import path from "node:path"
import { adminHeaders } from "../../fixtures/admin"
import { applicantForm, placeInbankOrder } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

/** The admin's origin in the test app (its `adminCors`, medusa-config.ts). */
const ADMIN_ORIGIN = "http://localhost:9000"

/** Every admin route the plugin ships, read from src/api/admin: a new route is covered without editing this test. */
export function adminRoutes(): { method: string; url: string }[] {
  const root = path.resolve(__dirname, "../../../src/api")
  const found: { method: string; url: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const url = "/" + path.relative(root, dir).replace(/\[[^\]]+\]/g, "order_01SECURITYTEST")
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|DELETE)\b/g))
          found.push({ method, url })
      }
    }
  }
  walk(path.join(root, "admin"))
  return found
}

/** Staff routes reached without being staff, or from another origin with the staff's cookie. */
export function staffAttacks(ctx: SecurityContext) {
  it("answers 401 on every admin route without a session or token", async () => {
    const routes = adminRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const { method, url } of routes) {
      const response = await ctx.api.request({
        method,
        url,
        data: {},
        validateStatus: () => true,
        headers: { "x-publishable-api-key": ctx.store().publishableKey },
      })
      expect(`${method} ${url} ${response.status}`).toBe(`${method} ${url} 401`)
    }
  })
}

/**
 * Staff actions sent by another page with the staff's cookie (CSRF). Registered after the payment
 * sessions group: it places an order, and that group counts Inbank's acceptances from the start.
 */
export function staffCsrfAttacks(ctx: SecurityContext) {
  it("refuses staff actions another page could send with the staff's cookie, and they change nothing; the admin's own request works", async () => {
    const { api, sandbox } = ctx
    sandbox.updateSettings({ merchantApproval: true })
    const order = await placeInbankOrder(ctx.shop(), ctx.store().variants.p399, ctx.code).finally(() =>
      sandbox.updateSettings({ merchantApproval: false }),
    )
    ctx.remember(order.form)
    // The admin's cookie session, as the admin signs in (POST /auth/session with the token).
    const signedIn = await api.post("/auth/session", {}, await adminHeaders(ctx.getContainer()))
    const cookie = String(signedIn.headers["set-cookie"]).split(";")[0]
    expect(cookie).toMatch(/^connect\.sid=/)
    const financing = async () =>
      (await api.get(`/admin/inbank/orders/${order.orderId}`, { headers: { cookie } })).data.financing
    const before = await financing()
    expect(before.actions).toMatchObject({ approve: true, cancel: true })
    const inbankWrites = () =>
      sandbox.bank.state.requests.filter((r) =>
        ["approveContract", "cancelContract", "cancelApplication"].includes(r.endpoint),
      ).length
    const writesBefore = inbankWrites()

    const attacks = [
      // A same-site page (another subdomain): a body-less POST is CORS-simple, the cookie goes along.
      { origin: "http://blog.localhost:9000", contentType: "text/plain", data: undefined, code: "json_required" },
      {
        origin: "http://evil.example",
        contentType: "application/x-www-form-urlencoded",
        data: "confirm=1",
        code: "json_required",
      },
      { origin: undefined, contentType: "text/plain", data: "", code: "json_required" },
      // JSON from a foreign origin needs a preflight; whatever the preflight said, the action is refused.
      { origin: "http://evil.example", contentType: "application/json", data: {}, code: "origin_not_allowed" },
      { origin: "null", contentType: "application/json", data: {}, code: "origin_not_allowed" },
    ]
    for (const action of ["approve", "cancel", "refresh"]) {
      for (const attack of attacks) {
        const answer = await api.post(`/admin/inbank/orders/${order.orderId}/${action}`, attack.data, {
          headers: { cookie, "content-type": attack.contentType, ...(attack.origin && { origin: attack.origin }) },
          validateStatus: () => true,
        })
        // A foreign origin meets the admin-wide origin check first; without an Origin, the JSON rule answers.
        const codes = attack.origin ? ["origin_not_allowed", attack.code] : [attack.code]
        expect({ action, ...attack, status: answer.status, refused: codes.includes(answer.data.code) }).toEqual({
          action,
          ...attack,
          status: 403,
          refused: true,
        })
      }
    }
    const after = await financing()
    expect({ state: after.state, payment: after.payment, contract: after.contract }).toEqual({
      state: before.state,
      payment: before.payment,
      contract: before.contract,
    })
    expect(inbankWrites()).toBe(writesBefore)

    // The admin: the js-sdk sends Content-Type: application/json on every request, from the admin's origin.
    const approved = await api.post(`/admin/inbank/orders/${order.orderId}/approve`, undefined, {
      headers: { cookie, origin: ADMIN_ORIGIN, "content-type": "application/json" },
      validateStatus: () => true,
    })
    expect(approved.status).toBe(200)
    expect(approved.data.financing.payment.captured_at).toBeTruthy()
    expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "approveContract").length).toBeGreaterThan(0)
  })
}

/**
 * Medusa's own admin routes that move Inbank's money: a payment's capture is Inbank's merchant
 * approval, an order's cancel cancels the contract. They take an empty form body, which another page
 * can send with the staff's cookie without a preflight.
 */
export function medusaAdminCsrfAttacks(ctx: SecurityContext) {
  it("refuses Medusa's own capture and order cancel from another origin with the staff's cookie; nothing reaches Inbank", async () => {
    const { api, sandbox } = ctx
    sandbox.updateSettings({ merchantApproval: true })
    const order = await placeInbankOrder(ctx.shop(), ctx.store().variants.p399, ctx.code).finally(() =>
      sandbox.updateSettings({ merchantApproval: false }),
    )
    ctx.remember(order.form)
    const signedIn = await api.post("/auth/session", {}, await adminHeaders(ctx.getContainer()))
    const cookie = String(signedIn.headers["set-cookie"]).split(";")[0]
    const { data } = await api.get(`/admin/orders/${order.orderId}?fields=id,status,*payment_collections.payments`, {
      headers: { cookie },
    })
    const payment = data.order.payment_collections[0].payments[0]
    const inbankWrites = () =>
      sandbox.bank.state.requests.filter((r) =>
        ["approveContract", "cancelContract", "cancelApplication"].includes(r.endpoint),
      ).length
    const writesBefore = inbankWrites()

    for (const url of [`/admin/payments/${payment.id}/capture`, `/admin/orders/${order.orderId}/cancel`]) {
      for (const origin of ["http://blog.localhost:9000", "http://localhost:8000", "null"]) {
        const answer = await api.post(url, "", {
          headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
          validateStatus: () => true,
        })
        expect({ url, origin, status: answer.status, code: answer.data.code }).toEqual({
          url,
          origin,
          status: 403,
          code: "origin_not_allowed",
        })
      }
    }
    const after = await api.get(`/admin/orders/${order.orderId}?fields=id,status,*payment_collections.payments`, {
      headers: { cookie },
    })
    expect(after.data.order.status).toBe("pending")
    expect(after.data.order.payment_collections[0].payments[0].captured_at).toBeNull()
    expect(inbankWrites()).toBe(writesBefore)

    // From the admin's own origin the same capture works: it is Inbank's merchant approval.
    const captured = await api.post(
      `/admin/payments/${payment.id}/capture`,
      {},
      { headers: { cookie, origin: ADMIN_ORIGIN }, validateStatus: () => true },
    )
    expect(captured.status).toBe(200)
    expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "approveContract").length).toBeGreaterThan(0)
  })
}

/** The bank step's return address: Inbank's page sends the shopper there, so it must be the store's. */
export function returnUrlAttacks(ctx: SecurityContext) {
  it("refuses a return_url on a foreign origin or with a javascript: scheme (400 return_url), and Inbank is not asked", async () => {
    const shop = ctx.shop()
    const cartId = await shop.cart(ctx.store().variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
    const retrievals = () => ctx.sandbox.bank.state.requests.filter((r) => r.endpoint === "initiateRetrieval").length
    const before = retrievals()
    for (const return_url of [
      "https://evil.example/inbank",
      "https://sklep.test.evil.example/",
      "https://sklep.test@evil.example/",
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
    ]) {
      const answer = await shop.post(`/store/carts/${cartId}/inbank/bank-verification`, {
        bank_id: "mbank",
        return_url,
      })
      expect({ return_url, status: answer.status }).toEqual({ return_url, status: 400 })
      expect(answer.data).toMatchObject({ code: "invalid_return_url", field: "return_url" })
    }
    expect(retrievals()).toBe(before)
  })
}
