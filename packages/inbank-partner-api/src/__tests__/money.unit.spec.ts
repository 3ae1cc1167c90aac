import { BigNumber as MedusaBigNumber } from "@medusajs/framework/utils"
import { normalizeDecimal, normalizeMoney, toInbankAmount } from ".."

describe("money", () => {
  it("turns Medusa's BigNumber into an exact two-digit decimal, without float error", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; Medusa's raw value keeps it exact.
    expect(toInbankAmount(new MedusaBigNumber("0.3"))).toBe("0.30")
    expect(toInbankAmount(new MedusaBigNumber(1234.56))).toBe("1234.56")
    expect(toInbankAmount(new MedusaBigNumber({ value: "15500", precision: 20 }))).toBe("15500.00")
    expect(toInbankAmount({ value: "99999999999999.99" })).toBe("99999999999999.99")
  })

  it("keeps every grosz of amounts a double cannot hold exactly", () => {
    expect(toInbankAmount("90071992547409.93")).toBe("90071992547409.93")
    expect(toInbankAmount(new MedusaBigNumber("90071992547409.93"))).toBe("90071992547409.93")
  })

  it("rounds a third fraction digit half-up to the grosz", () => {
    expect(toInbankAmount("99.995")).toBe("100.00")
    expect(toInbankAmount("10.004999")).toBe("10.00")
    expect(toInbankAmount(1.005)).toBe("1.01")
  })

  it("names the field of a bad amount", () => {
    expect(() => toInbankAmount("abc", "creditApplication.amount")).toThrow(
      "creditApplication.amount must be a decimal number",
    )
    expect(() => toInbankAmount(Number.NaN)).toThrow("amount must be a decimal number")
    expect(() => toInbankAmount("-0.01")).toThrow("amount must not be negative")
  })

  it("normalises Inbank's answers", () => {
    expect(normalizeMoney("1001.0")).toBe("1001.00")
    expect(normalizeMoney(348.79)).toBe("348.79")
    expect(normalizeDecimal("0.149")).toBe("0.149")
    expect(normalizeDecimal(0.1608)).toBe("0.1608")
  })
})
