import type InbankModuleService from "../../../modules/inbank/service"
import { OffersAnswers } from "../answers"
import { CalculationBudget } from "../calculation-budget"
import { CatalogueAmounts } from "../catalogue-amounts"

const TTL_MS = 40
const fail = (error: unknown) => {
  throw error
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A module whose product allows one period, 12 months, from 100 to 30 000 PLN; it counts the calculations asked. */
function fakeInbank() {
  const calculated: string[] = []
  let monthly = "35.08"
  const inbank = {
    settings: {},
    offerRange: async () => ({
      minAmount: "100.00",
      maxAmount: "30000.00",
      periods: [12],
      minPeriod: null,
      maxPeriod: null,
    }),
    hasCalculation: () => false,
    calculate: async (amount: string) => {
      calculated.push(amount)
      return { paymentAmountMonthly: monthly }
    },
  } as unknown as InbankModuleService
  return { inbank, calculated, setMonthly: (value: string) => (monthly = value) }
}

function answersWith(calculationsPerMinute: number, ttlMs = TTL_MS) {
  const fake = fakeInbank()
  const budget = new CalculationBudget({
    calculationsPerMinute,
    otherAmountCalculationsPerMinute: calculationsPerMinute,
    newAmountsPerClientPerMinute: 10_000,
  })
  const answers = new OffersAnswers(fake.inbank, new CatalogueAmounts(async () => [399], fail), budget, ttlMs)
  const ask = async (price: string) =>
    JSON.parse(
      (
        answers.fresh(`${price}:`) ?? (await answers.answer(`${price}:`, { price, client: "10.0.0.1" }))
      ).body.toString(),
    )
  return { ...fake, answers, ask }
}

describe("the offers route's answers", () => {
  it("serves a stale answer at once and rebuilds it in the background", async () => {
    const { answers, ask, calculated, setMonthly } = answersWith(100)
    expect((await ask("399.00")).offers[0].monthly_payment).toBe("35.08")
    await wait(TTL_MS + 10)
    expect(answers.fresh("399.00:")).toBeUndefined()

    setMonthly("36.00")
    expect((await ask("399.00")).offers[0].monthly_payment).toBe("35.08")
    await wait(5)
    expect(calculated).toEqual(["399.00", "399.00"])
    expect((await ask("399.00")).offers[0].monthly_payment).toBe("36.00")
  })

  it("keeps serving the stale answer when the budget refuses its rebuild", async () => {
    const { ask, calculated } = answersWith(1)
    await ask("399.00")
    await wait(TTL_MS + 10)
    for (let i = 0; i < 3; i++) {
      expect((await ask("399.00")).offers[0].monthly_payment).toBe("35.08")
      await wait(5)
    }
    expect(calculated).toHaveLength(1)
    // A new amount, with nothing stale to fall back on, is refused.
    await expect(ask("1234.00")).rejects.toMatchObject({ status: 503, code: "offers_busy" })
  })

  it("keeps catalogue prices however many other amounts are asked", async () => {
    const { answers, ask, calculated } = answersWith(100, 60_000)
    await ask("399.00")
    await ask("798.00") // twice the price: a quantity of two on the product page
    // Amounts above Inbank's range cost no calculation: a free way to fill a cache.
    for (let i = 0; i < 2_500; i++) await ask(`${40_000 + i}.00`)
    expect(answers.fresh("399.00:")).toBeDefined()
    expect(answers.fresh("798.00:")).toBeDefined()
    expect(answers.fresh("40000.00:")).toBeUndefined()
    expect(calculated).toEqual(["399.00", "798.00"])
  })
})
