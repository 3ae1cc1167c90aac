import { formatDateTime, formatPln, formatRate } from "../display-format"

// Intl writes a no-break space (U+00A0) between digit groups and before "zł" / "%" in Polish.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

describe("display-format", () => {
  it.each([
    ["399.00", "pl", "399,00 zł"],
    ["15500.5", "pl", "15 500,50 zł"],
    ["399.00", "en", "PLN 399.00"],
    // From the decimal string: the 17th significant digit survives, which a float would lose.
    ["12345678901234.57", "pl", "12 345 678 901 234,57 zł"],
    [null, "pl", "—"],
  ])("formatPln(%s, %s) is %s", (amount, language, expected) => {
    expect(spaced(formatPln(amount, language))).toBe(expected)
  })

  it.each([
    ["0.1047", "pl", "10,47%"],
    ["0.1047", "en-US", "10.47%"],
    [null, "pl", "—"],
  ])("formatRate(%s, %s) is %s", (rate, language, expected) => {
    expect(spaced(formatRate(rate, language))).toBe(expected)
  })

  it("formats dates in the language", () => {
    expect(formatDateTime(null, "pl")).toBe("—")
    expect(formatDateTime("2026-12-01T04:16:00Z", "pl")).toMatch(/^\d{1,2}\.12\.2026, \d{2}:16$/)
  })
})
