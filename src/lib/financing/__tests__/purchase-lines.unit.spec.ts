import BigNumber from "bignumber.js"
import fc from "fast-check"
import { CartLine, purchaseLines } from "../purchase-lines"

const sum = (lines: { quantity: number; price: string }[]) =>
  lines.reduce((total, line) => total.plus(new BigNumber(line.price).times(line.quantity)), new BigNumber(0)).toFixed(2)

describe("purchaseLines: what Inbank is told was bought adds up to what it finances", () => {
  it.each<[string, CartLine[], string, string, { name: string; quantity: number; price: string }[]]>([
    [
      "one item, free shipping",
      [{ name: "Rower", quantity: 1, total: 399 }],
      "0",
      "399.00",
      [{ name: "Rower", quantity: 1, price: "399.00" }],
    ],
    [
      "10 % off and paid shipping: the item at its discounted total, shipping its own line",
      [{ name: "Rower", quantity: 1, total: "359.1" }],
      "15",
      "374.10",
      [
        { name: "Rower", quantity: 1, price: "359.10" },
        { name: "Dostawa", quantity: 1, price: "15.00" },
      ],
    ],
    [
      "3 for 100.00: a unit price that divides, one unit with the remainder",
      [{ name: "Kubek", quantity: 3, total: "100" }],
      "0",
      "100.00",
      [
        { name: "Kubek", quantity: 2, price: "33.33" },
        { name: "Kubek", quantity: 1, price: "33.34" },
      ],
    ],
    [
      "Medusa's high precision rounded to the grosz, the rest as an adjustment",
      [{ name: "Lampa", quantity: 1, total: "99.995" }],
      "0",
      "99.99",
      [
        { name: "Lampa", quantity: 1, price: "100.00" },
        { name: "Rabaty i korekty", quantity: 1, price: "-0.01" },
      ],
    ],
    [
      "a free gift is still listed",
      [
        { name: "Rower", quantity: 1, total: "399" },
        { name: "Dzwonek", quantity: 1, total: 0 },
      ],
      "0",
      "399.00",
      [
        { name: "Rower", quantity: 1, price: "399.00" },
        { name: "Dzwonek", quantity: 1, price: "0.00" },
      ],
    ],
  ])("%s", (_case, lines, shipping, financed, expected) => {
    const result = purchaseLines(lines, shipping, financed)
    expect(result).toEqual(expected)
    expect(sum(result)).toBe(financed)
  })

  it("always adds up to the financed amount, to the grosz, with whole quantities", () => {
    const money = fc.integer({ min: 0, max: 5_000_000 }).map((grosze) => new BigNumber(grosze).div(100).toFixed(2))
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constant("x"), quantity: fc.integer({ min: 1, max: 50 }), total: money }), {
          minLength: 1,
          maxLength: 8,
        }),
        money,
        money,
        (lines, shipping, financed) => {
          const result = purchaseLines(lines, shipping, financed)
          expect(sum(result)).toBe(financed)
          expect(result.every((line) => Number.isInteger(line.quantity) && line.quantity >= 1)).toBe(true)
        },
      ),
    )
  })
})
