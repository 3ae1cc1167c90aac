import { fillTemplate, oneOf, pln, retryIn } from "../params"

describe("message parameters", () => {
  it.each([
    ["100.00", "100,00 zł", "PLN 100.00"],
    ["1000.5", "1000,50 zł", "PLN 1,000.50"],
    ["30000", "30 000,00 zł", "PLN 30,000.00"],
    ["123456789.99", "123 456 789,99 zł", "PLN 123,456,789.99"],
  ])("writes %s PLN as %s / %s", (amount, pl, en) => {
    // Polish groups thousands with a no-break space, and only from five digits on.
    expect(pln(amount)).toEqual({ pl: pl.replace(/ (?=\d)/g, "\u00a0"), en })
  })

  it.each([
    [[12], "12", "12"],
    [[6, 12], "6 lub 12", "6 or 12"],
    [[3, 6, 12, 24], "3, 6, 12 lub 24", "3, 6, 12 or 24"],
  ])("joins the choices %j as an alternative", (choices, pl, en) => {
    expect(oneOf(choices)).toEqual({ pl, en })
  })

  it.each([
    [1, "za minutę", "in a minute"],
    [30, "za minutę", "in a minute"],
    [61, "za 2 min", "in 2 min"],
    [900, "za 15 min", "in 15 min"],
    [5400, "za 90 min", "in 90 min"],
    [86_400, "za 24 h", "in 24 h"],
  ])("tells a wait of %i s as %s / %s", (seconds, pl, en) => {
    expect(retryIn(seconds)).toEqual({ pl, en })
  })

  it("fills each placeholder in the language asked, and refuses a template whose parameter is missing", () => {
    const params = { field: { pl: "Kwota", en: "Amount" }, max: 20 }
    expect(fillTemplate("Pole „{field}” może mieć najwyżej {max} znaków.", params, "pl")).toBe(
      "Pole „Kwota” może mieć najwyżej 20 znaków.",
    )
    expect(fillTemplate("{field} can be at most {max} characters long.", params, "en")).toBe(
      "Amount can be at most 20 characters long.",
    )
    expect(() => fillTemplate("Od {min}.", {}, "pl")).toThrow("{min}")
  })
})
