import { CatalogueAmounts } from "../catalogue-amounts"

describe("the catalogue's amounts", () => {
  it("are the PLN prices times 1 to 10, to the grosz", async () => {
    const catalogue = new CatalogueAmounts(
      async () => [399, "19.99", "0.125"],
      () => undefined,
    )
    for (const amount of ["399.00", "798.00", "3990.00", "19.99", "199.90"])
      expect(await catalogue.has(amount)).toBe(true)
    for (const amount of ["4389.00", "399.01", "219.89", "0.13", "1.25"])
      expect(await catalogue.has(amount)).toBe(false)
  })

  it("are read once for many questions, and a failed read is reported and not retried at every question", async () => {
    let reads = 0
    const errors: unknown[] = []
    const catalogue = new CatalogueAmounts(
      async () => {
        reads++
        throw new Error('relation "price" does not exist')
      },
      (error) => errors.push(error),
    )
    const answers = await Promise.all(Array.from({ length: 20 }, () => catalogue.has("399.00")))
    expect(answers.every((isCatalogue) => isCatalogue === false)).toBe(true)
    expect(await catalogue.has("399.00")).toBe(false)
    expect({ reads, errors: errors.length }).toEqual({ reads: 1, errors: 1 })
  })
})
