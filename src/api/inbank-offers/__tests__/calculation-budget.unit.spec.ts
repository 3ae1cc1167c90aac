import { PluginHttpError } from "../../http-error"
import { CalculationBudget } from "../calculation-budget"

const limits = { calculationsPerMinute: 90, otherAmountCalculationsPerMinute: 36, newAmountsPerClientPerMinute: 3 }
const other = (client = "10.0.0.1") => ({ catalogue: false, client })
const catalogue = { catalogue: true, client: "10.0.0.1" }

/** The refusal `spend` throws, or null when it was allowed. */
async function refusal(spending: Promise<void>): Promise<{ status: number; code: string; retryAfter?: number } | null> {
  try {
    await spending
    return null
  } catch (error) {
    if (!(error instanceof PluginHttpError)) throw error
    return { status: error.status, code: error.code, retryAfter: error.options.retryAfterSeconds }
  }
}

describe("the offers route's budget of Inbank calculations", () => {
  it("gives other amounts at most their share, and leaves the rest of the minute to catalogue prices", async () => {
    const budget = new CalculationBudget(limits)
    // Four clients, nine calculations each: the fifth new amount exceeds the 36 of other amounts.
    for (let i = 0; i < 4; i++) expect(await refusal(budget.spend(9, other(`10.0.0.${i}`)))).toBeNull()
    const refused = await refusal(budget.spend(9, other("10.0.0.9")))
    expect(refused).toMatchObject({ status: 503, code: "offers_busy" })
    expect(refused!.retryAfter).toBeGreaterThan(50)
    expect(refused!.retryAfter).toBeLessThanOrEqual(60)

    // 90 − 36 = 54 remain for catalogue prices: six answers of nine, not a seventh.
    for (let i = 0; i < 6; i++) expect(await refusal(budget.spend(9, catalogue))).toBeNull()
    expect(await refusal(budget.spend(9, catalogue))).toMatchObject({ status: 503, code: "offers_busy" })
  })

  it("limits new amounts per client address, not other clients", async () => {
    const budget = new CalculationBudget(limits)
    for (let i = 0; i < 3; i++) expect(await refusal(budget.spend(1, other()))).toBeNull()
    expect(await refusal(budget.spend(1, other()))).toMatchObject({ status: 429, code: "offers_client_limit" })
    expect(await refusal(budget.spend(1, other("10.0.0.2")))).toBeNull()
    // Catalogue prices are not counted per client: a server-rendering storefront asks them all from one address.
    expect(await refusal(budget.spend(9, catalogue))).toBeNull()
  })

  it("charges nothing for an answer whose calculations are all cached", async () => {
    const budget = new CalculationBudget({ ...limits, newAmountsPerClientPerMinute: 1 })
    for (let i = 0; i < 100; i++) expect(await refusal(budget.spend(0, other()))).toBeNull()
    expect(await refusal(budget.spend(9, other()))).toBeNull()
  })

  it("spends all of an answer's calculations or none: a refused answer leaves catalogue prices their share", async () => {
    const budget = new CalculationBudget(limits)
    expect(await refusal(budget.spend(30, other("a")))).toBeNull()
    expect(await refusal(budget.spend(9, other("b")))).toMatchObject({ code: "offers_busy" })
    // The refused 9 were not taken from the whole budget: 90 − 30 = 60 remain.
    expect(await refusal(budget.spend(60, catalogue))).toBeNull()
    expect(await refusal(budget.spend(1, catalogue))).toMatchObject({ code: "offers_busy" })
  })
})
