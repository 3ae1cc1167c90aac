import { offeredPeriods, OfferRange } from "../offered-periods"

const range = (over: Partial<OfferRange>): OfferRange => ({
  minAmount: null,
  maxAmount: null,
  periods: null,
  minPeriod: null,
  maxPeriod: null,
  ...over,
})

describe("offeredPeriods: the one list the offers route advertises and the application route accepts", () => {
  it.each<[string, OfferRange, number[]]>([
    ["nothing narrows: the common periods", range({}), [3, 6, 10, 12, 20, 24, 30, 36, 48]],
    ["Inbank's product from 6 to 36 months", range({ minPeriod: 6, maxPeriod: 36 }), [6, 10, 12, 20, 24, 30, 36]],
    ["the shop's own periods, sorted", range({ periods: [24, 6, 12] }), [6, 12, 24]],
    ["the shop's periods within the product's", range({ periods: [6, 12, 60], minPeriod: 3, maxPeriod: 48 }), [6, 12]],
  ])("%s", (_case, input, expected) => {
    expect(offeredPeriods(input)).toEqual(expected)
  })
})
