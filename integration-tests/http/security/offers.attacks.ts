import type { SecurityContext } from "./context"

/** The plugin's defaults (offersLimits): what the flood below may cost at most. */
const OTHER_AMOUNT_CALCULATIONS_PER_MINUTE = 180
const NEW_AMOUNTS_PER_CLIENT_PER_MINUTE = 5
const PERIODS = 9

/** Flooding the public offers route with made-up amounts, each of which would cost nine Inbank calculations. */
export function offerAttacks(ctx: SecurityContext) {
  const calculations = () => ctx.sandbox.bank.state.requests.filter((r) => r.endpoint === "createCalculation").length
  const offers = (query: string, headers: Record<string, string> = {}) =>
    ctx.api.get(`/inbank-offers?${query}`, { headers, validateStatus: () => true })
  /** 1 000 distinct amounts inside Inbank's range (100–30 000 PLN), none a catalogue price or a multiple of one. */
  const madeUp = (from: number) => Array.from({ length: 1000 }, (_, i) => `${from + i}.37`)
  /** 250 requests in flight at a time: more would overflow the listen backlog of the test server, not the route. */
  const flood = async (amounts: string[], headers: (i: number) => Record<string, string> = () => ({})) => {
    const answers = []
    for (let i = 0; i < amounts.length; i += 250) {
      answers.push(
        ...(await Promise.all(
          amounts.slice(i, i + 250).map((amount, j) => offers(`amount=${amount}`, headers(i + j))),
        )),
      )
    }
    return answers
  }

  it("2,000 distinct amounts, 250 at a time, from one address and from 1,000 forged ones, cost at most the other amounts' share of Inbank calls, and the catalogue's prices keep their offers", async () => {
    const known = await offers("amount=399")
    expect(known.data.offers).toHaveLength(9)
    const before = calculations()

    const fromOne = await flood(madeUp(1000))
    // X-Forwarded-For is believed one hop deep (Medusa sets Express's trust proxy to 1): anyone can pick an address.
    const forged = (i: number) => ({ "x-forwarded-for": `10.${i >> 8}.${i & 255}.7` })
    const fromMany = await flood(madeUp(5000), forged)
    const floodCalls = calculations() - before

    expect(floodCalls).toBeLessThanOrEqual(OTHER_AMOUNT_CALCULATIONS_PER_MINUTE)
    const count = (answers: typeof fromOne, status: number) => answers.filter((a) => a.status === status).length
    expect({ ok: count(fromOne, 200), limited: count(fromOne, 429) }).toEqual({
      ok: NEW_AMOUNTS_PER_CLIENT_PER_MINUTE,
      limited: 1000 - NEW_AMOUNTS_PER_CLIENT_PER_MINUTE,
    })
    // One address gets a fair part of the other amounts' share, not all of it: the forged addresses
    // (one new amount each) spend the rest, then are refused.
    const rest = (OTHER_AMOUNT_CALCULATIONS_PER_MINUTE - NEW_AMOUNTS_PER_CLIENT_PER_MINUTE * PERIODS) / PERIODS
    expect({ ok: count(fromMany, 200), busy: count(fromMany, 503) }).toEqual({ ok: rest, busy: 1000 - rest })

    const limited = fromOne.find((a) => a.status === 429)!
    expect(limited.data).toEqual({
      type: "too_many_requests",
      code: "offers_client_limit",
      field: "amount",
      message: "Zbyt wiele zapytań o raty dla nowych kwot. Spróbuj ponownie za chwilę.",
      retriable: true,
    })
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
    const busy = fromMany.find((a) => a.status === 503)!
    expect(busy.data).toMatchObject({ type: "unavailable", code: "offers_busy", retriable: true })
    expect(Number(busy.headers["retry-after"])).toBeGreaterThan(0)

    // The real price is still answered, from its own cache segment: no new Inbank call.
    const afterFlood = calculations()
    const again = await offers("amount=399")
    expect(again.status).toBe(200)
    expect(again.data.offers).toEqual(known.data.offers)
    expect(calculations()).toBe(afterFlood)

    // Catalogue prices never asked before (a product, twice the 399 PLN one, one period of another) still get
    // their calculations while other amounts are refused: they draw on the rest of the budget.
    const p2400 = await offers("amount=2400")
    expect(p2400.status).toBe(200)
    expect(p2400.data.offers).toHaveLength(9)
    expect((await offers("amount=798")).data.offers).toHaveLength(9)
    expect((await offers("amount=15500&period=12")).data.offers).toMatchObject([{ period: 12 }])
    expect(calculations() - afterFlood).toBe(9 + 9 + 1)
    expect((await offers("amount=2222.22", forged(4242))).status).toBe(503)
  })
}
