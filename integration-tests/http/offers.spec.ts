import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { sandboxBeforeMedusa } from "../fixtures/sandbox"
import { seedStore, SeededStore } from "../fixtures/store"

jest.setTimeout(120_000)

const STOREFRONT = "http://shop.example"
const sandbox = sandboxBeforeMedusa({ STORE_CORS: STOREFRONT })
const calculations = () => sandbox.bank.state.requests.filter((r) => r.endpoint === "createCalculation").length

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    beforeAll(async () => {
      store = await seedStore(getContainer())
    })
    // Public: a product page needs no publishable key (a storefront's SDK sends one anyway).
    const offers = (query: string) => api.get(`/inbank-offers?${query}`, { validateStatus: () => true })

    it("applies the store's CORS: its storefront may ask from the browser, another origin may not", async () => {
      const preflight = await api.options("/inbank-offers?amount=399", {
        headers: {
          origin: STOREFRONT,
          "access-control-request-method": "GET",
          "access-control-request-headers": "x-publishable-api-key",
        },
        validateStatus: () => true,
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers["access-control-allow-origin"]).toBe(STOREFRONT)
      const fromStorefront = await api.get("/inbank-offers?amount=399", {
        headers: { origin: STOREFRONT, "x-publishable-api-key": store.publishableKey },
      })
      expect(fromStorefront.headers["access-control-allow-origin"]).toBe(STOREFRONT)
      const elsewhere = await api.get("/inbank-offers?amount=399", { headers: { origin: "http://elsewhere.example" } })
      expect(elsewhere.headers["access-control-allow-origin"]).toBeUndefined()
    })

    it("offers every allowed period for a price inside Inbank's range, from Inbank's calculations", async () => {
      const { status, data } = await offers("amount=399")
      expect(status).toBe(200)
      expect(data).toMatchObject({
        eligible: true,
        amount: "399.00",
        currency_code: "pln",
        periods: [3, 6, 10, 12, 20, 24, 30, 36, 48],
      })
      expect(data.offers).toHaveLength(9)
      expect(data.offers[3]).toMatchObject({
        period: 12,
        monthly_payment: "35.08",
        apr: "0.1047",
        total_cost: "420.94",
      })
      expect(data.lowest_monthly_payment).toBe(data.offers[8].monthly_payment)
      // The advertised instalment comes with its representative example (Consumer Credit Act, art. 7).
      const longest = data.offers[8]
      expect(data.representative_example).toEqual({
        amount: "399.00",
        period: 48,
        monthly_payment: longest.monthly_payment,
        interest_rate_annual: longest.interest_rate_annual,
        apr: longest.apr,
        total_cost_of_credit: longest.total_cost_of_credit,
        total_to_repay: longest.total_cost,
      })
    })

    it("is not eligible outside the range agreed with Inbank, or for another currency, without asking for calculations", async () => {
      const before = calculations()
      expect((await offers("amount=50")).data).toMatchObject({
        eligible: false,
        reason: "amount_out_of_range",
        min_amount: "100.00",
        max_amount: "30000.00",
      })
      expect((await offers("amount=40000")).data).toMatchObject({ eligible: false, reason: "amount_out_of_range" })
      expect((await offers("amount=399&currency_code=eur")).data).toMatchObject({ eligible: false, reason: "currency" })
      expect(calculations()).toBe(before)
    })

    it.each([
      ["amount=abc", "invalid_amount", "amount"],
      ["amount=12,505", "invalid_amount", "amount"],
      ["amount=0", "invalid_amount", "amount"],
      ["", "invalid_amount", "amount"],
      ["amount=399&period=x", "invalid_period", "period"],
      ["amount=399&period=7", "period_not_offered", "period"],
    ])("answers 400 for %s with code %s naming the field", async (query, code, field) => {
      const { status, data } = await offers(query)
      expect(status).toBe(400)
      expect(data).toMatchObject({ code, field })
    })

    it("takes a price written the Polish way", async () => {
      expect((await offers("amount=1%20234,5&period=12")).data).toMatchObject({
        eligible: true,
        amount: "1234.50",
        offers: [{ period: 12 }],
      })
    })

    it("serves a repeated request from the cache, and 50 concurrent identical requests with one Inbank call", async () => {
      await offers("amount=1234.50&period=12")
      const afterFirst = calculations()
      await offers("amount=1234.50&period=12")
      expect(calculations()).toBe(afterFirst)

      const before = calculations()
      const answers = await Promise.all(Array.from({ length: 50 }, () => offers("amount=777.77&period=24")))
      expect(answers.every((a) => a.status === 200 && a.data.offers[0].period === 24)).toBe(true)
      expect(calculations() - before).toBe(1)
    })

    it("answers JSON with an ETag, and 304 without a body to a browser that has the same answer", async () => {
      const first = await offers("amount=499")
      expect(first.headers["content-type"]).toBe("application/json; charset=utf-8")
      expect(first.headers.etag).toMatch(/^W\/".+"$/)
      const again = await api.get("/inbank-offers?amount=499", {
        headers: { "if-none-match": first.headers.etag },
        validateStatus: () => true,
      })
      expect(again.status).toBe(304)
      expect(again.data).toBe("")
      const otherPrice = await offers("amount=500")
      expect(otherPrice.headers.etag).not.toBe(first.headers.etag)
    })
  },
})
