import { camelizeKeys, snakeizeKeys } from "../casing"

describe("casing", () => {
  it("converts keys deeply, through arrays, and leaves values alone", () => {
    const snake = {
      credit_application: { monthly_income: "2900", dependants_over_18: 1 },
      consents: [{ type: "EMTA_REGISTRY_QUERY", text: "snake_case stays" }],
    }
    const camel = {
      creditApplication: { monthlyIncome: "2900", dependantsOver18: 1 },
      consents: [{ type: "EMTA_REGISTRY_QUERY", text: "snake_case stays" }],
    }
    expect(camelizeKeys(snake)).toEqual(camel)
    expect(snakeizeKeys(camel)).toEqual(snake)
    expect(camelizeKeys(camel)).toEqual(camel)
  })
})
