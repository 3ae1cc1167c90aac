import { applicantForm, placeInbankOrder, waitForAction } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

/**
 * Guessing and flooding through the store routes, with the plugin's default limits
 * (INBANK_RATE_LIMITS=defaults). Carts are free, so the attacks spread over many carts; each test uses
 * its own people and, for the per-address limits, its own client address (X-Forwarded-For: Medusa
 * trusts one proxy hop; the test app exempts loopback, where the other groups call from).
 */
export function limitAttacks(ctx: SecurityContext) {
  let address = 0
  /** A storefront client whose requests come from a client address of its own. */
  const shopper = (ip = `203.0.113.${++address}`) => {
    const headers = { "x-publishable-api-key": ctx.store().publishableKey, "x-forwarded-for": ip }
    return (path: string, body?: unknown) => ctx.api.post(path, body, { headers, validateStatus: () => true })
  }
  const inbankCalls = (endpoint: string) =>
    ctx.sandbox.bank.state.requests.filter((r) => r.endpoint === endpoint).length
  const newCart = () => ctx.shop().cart(ctx.store().variants.p399)
  /** A new applicant with this PESEL or phone (the rest new: the sandbox refuses contacts shared by two people). */
  const applicant = (same: { identity_code?: string; mobile?: string }) => {
    const form = applicantForm()
    Object.assign(form.applicant, same)
    ctx.remember(form)
    return form
  }

  it("rate limits SMS-code confirmation per application: the sixth attempt in 15 minutes, across codes, gets 429, even with the right code", async () => {
    const { api, sandbox } = ctx
    const shop = ctx.shop()
    const store = ctx.store()
    const cartId = await shop.cart(store.variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    await shop.post(`/store/carts/${cartId}/inbank/application`, form)
    await shop.post(`/store/carts/${cartId}/complete`)
    await waitForAction(shop, cartId, "sign_contract")
    // Three wrong tries void the code; a new code, two wrong tries more: five guesses.
    const guess = async () =>
      (await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code: "000000" })).data
        .code
    const attempts = [await guess(), await guess(), await guess()]
    expect((await shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status).toBe(200)
    attempts.push(await guess(), await guess())
    expect(attempts).toEqual([
      "sms_code_refused",
      "sms_code_refused",
      "sms_code_void",
      "sms_code_refused",
      "sms_code_refused",
    ])

    const confirmsBefore = inbankCalls("confirmContractSigning")
    const limited = await api.post(
      `/store/carts/${cartId}/inbank/signing/confirm`,
      { subject: "contract", code: await ctx.code(form.applicant.mobile) },
      {
        headers: { "x-publishable-api-key": store.publishableKey },
        validateStatus: () => true,
      },
    )
    expect(limited.status).toBe(429)
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800)
    expect(limited.data).toEqual({
      type: "too_many_requests",
      code: "too_many_code_attempts",
      field: "code",
      message: expect.stringMatching(/^Zbyt wiele prób wpisania kodu SMS\. Spróbuj ponownie za 1[45] min\.$/),
      retriable: true,
    })
    expect(sandbox.bank.state.requests.filter((r) => r.endpoint === "confirmContractSigning").length).toBe(
      confirmsBefore,
    )

    // Another cart is not affected.
    const other = await placeInbankOrder(shop, store.variants.p399, ctx.code)
    ctx.remember(other.form)
    expect(other.orderId).toMatch(/^order_/)
  })

  it("one PESEL on 10 carts from 10 addresses: Inbank gets 5 applications and 10 code guesses in its name, the rest 429", async () => {
    const pesel = applicantForm().applicant.identity_code
    const applied: string[] = []
    const statuses: number[] = []
    let refused: any
    const before = inbankCalls("createApplication")
    for (let i = 0; i < 10; i++) {
      const cartId = await newCart()
      const answer = await shopper()(`/store/carts/${cartId}/inbank/application`, applicant({ identity_code: pesel }))
      statuses.push(answer.status)
      if (answer.status === 201) applied.push(cartId)
      else refused ??= answer
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429, 429])
    expect(inbankCalls("createApplication") - before).toBe(5)
    expect(refused.data).toEqual({
      type: "too_many_requests",
      code: "too_many_applications",
      field: "applicant.identity_code",
      message: expect.stringMatching(/^Złożono zbyt wiele wniosków o kredyt\. Spróbuj ponownie za 24 h\.$/),
      retriable: true,
    })
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(86_000)

    // Code guesses for that PESEL, three on each of its five carts (each under the per-application limit;
    // the third voids that cart's code).
    const guessesBefore = inbankCalls("confirmApplicationSigning")
    const guesses: number[] = []
    for (const cartId of applied) {
      for (let i = 0; i < 3; i++)
        guesses.push(
          (await shopper()(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "application", code: "000000" }))
            .status,
        )
    }
    expect(guesses).toEqual([...Array(10).fill(400), ...Array(5).fill(429)])
    expect(inbankCalls("confirmApplicationSigning") - guessesBefore).toBe(10)
  })

  it("one phone on 10 carts: Inbank gets 5 applications for it and sends it 5 SMS codes, the rest 429", async () => {
    // Different people with one phone: the sandbox refuses all but the first, yet each is an inquiry.
    const mobile = applicantForm().applicant.mobile
    const before = inbankCalls("createApplication")
    const statuses: number[] = []
    let refused: any
    for (let i = 0; i < 6; i++) {
      const answer = await shopper()(`/store/carts/${await newCart()}/inbank/application`, applicant({ mobile }))
      statuses.push(answer.status)
      if (answer.status === 429) refused = answer
    }
    expect(statuses).toEqual([201, 400, 400, 400, 400, 429])
    expect(refused.data).toMatchObject({ code: "too_many_applications", field: "applicant.mobile" })
    expect(inbankCalls("createApplication") - before).toBe(5)

    // One person (one PESEL, one phone) on 10 carts: five get an application; two SMS asked on each.
    const person = applicantForm().applicant
    const applied: string[] = []
    for (let i = 0; i < 10; i++) {
      const cartId = await newCart()
      const answer = await shopper()(
        `/store/carts/${cartId}/inbank/application`,
        applicant({ identity_code: person.identity_code, mobile: person.mobile }),
      )
      if (answer.status === 201) applied.push(cartId)
      else expect(answer.status).toBe(429)
    }
    expect(applied).toHaveLength(5)
    const sendsBefore = inbankCalls("startContractSigning")
    const sends: number[] = []
    let limited: any
    for (const cartId of applied) {
      await waitForAction(ctx.shop(), cartId, "complete_cart")
      for (let i = 0; i < 2; i++) {
        const answer = await shopper()(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })
        sends.push(answer.status)
        if (answer.status === 429) limited ??= answer
      }
    }
    expect(sends).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429])
    expect(limited.data).toMatchObject({ type: "too_many_requests", code: "too_many_sms", retriable: true })
    expect(limited.data.message).toMatch(/^Wysłano zbyt wiele kodów SMS\. Spróbuj ponownie za (59|60) min\.$/)
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(3000)
    expect(inbankCalls("startContractSigning") - sendsBefore).toBe(5)
    expect(ctx.sandbox.bank.state.sms.filter((sms) => sms.phone === person.mobile)).toHaveLength(5)
  })

  it("one cart: its sixth application within the hour gets 429 before Inbank sees it (the route had no limit)", async () => {
    const cartId = await newCart()
    const before = inbankCalls("createApplication")
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push((await shopper()(`/store/carts/${cartId}/inbank/application`, applicant({}))).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    expect(inbankCalls("createApplication") - before).toBe(5)
  })

  it("one client address: its 21st application within the hour gets 429; another address is served", async () => {
    const from = shopper()
    const before = inbankCalls("createApplication")
    const statuses: number[] = []
    for (let i = 0; i < 21; i++)
      statuses.push((await from(`/store/carts/${await newCart()}/inbank/application`, applicant({}))).status)
    expect(statuses).toEqual([...Array(20).fill(201), 429])
    expect(inbankCalls("createApplication") - before).toBe(20)
    expect((await shopper()(`/store/carts/${await newCart()}/inbank/application`, applicant({}))).status).toBe(201)
  })

  it("a cart over its limit does not use up the quota of the person it names: refused 4 times there, they still get 5 applications elsewhere", async () => {
    const full = await newCart()
    for (let i = 0; i < 5; i++)
      expect((await shopper()(`/store/carts/${full}/inbank/application`, applicant({}))).status).toBe(201)
    const person = applicantForm().applicant
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await shopper()(
            `/store/carts/${full}/inbank/application`,
            applicant({ identity_code: person.identity_code, mobile: person.mobile }),
          )
        ).status,
      )
    }
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await shopper()(
            `/store/carts/${await newCart()}/inbank/application`,
            applicant({ identity_code: person.identity_code, mobile: person.mobile }),
          )
        ).status,
      )
    }
    expect(statuses).toEqual([429, 429, 429, 429, 201, 201, 201, 201, 201])
  })
}
