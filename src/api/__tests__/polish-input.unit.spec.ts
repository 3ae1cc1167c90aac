import { documentNumber, groupedDigits, plnAmount, polishMobile, polishPostalCode } from "../polish-input"

describe("Polish spellings of the form's values", () => {
  it.each([
    ["+48600100200", "+48600100200"],
    ["+48 600 100 200", "+48600100200"],
    ["600-100-200", "+48600100200"],
    ["600 100 200", "+48600100200"],
    ["48600100200", "+48600100200"],
    ["0048 600 100 200", "+48600100200"],
    ["(+48) 600 100 200", "+48600100200"],
    [" 600100200 ", "+48600100200"],
    ["486001002", "+48486001002"],
    // Not a Polish mobile: left for the validator to refuse.
    ["+49 600 100 200", "+49 600 100 200"],
    ["60010020", "60010020"],
    ["600 100 200 1", "600 100 200 1"],
    [600100200, 600100200],
  ])("mobile %j → %j", (input, canonical) => {
    expect(polishMobile(input)).toBe(canonical)
  })

  it.each([
    ["6000.50", "6000.50"],
    ["6 000,50", "6000.50"],
    ["6000,5", "6000.50"],
    ["6 000 zł", "6000.00"],
    ["6000zł", "6000.00"],
    ["6000 PLN", "6000.00"],
    ["6\u00a0000,50", "6000.50"],
    ["1 234 567,89", "1234567.89"],
    ["250", "250.00"],
    ["0", "0.00"],
    ["007", "7.00"],
    [6000.5, "6000.50"],
    [250, "250.00"],
    // Ambiguous or not an amount: left for the validator to refuse.
    ["6.000", "6.000"],
    ["6,000", "6,000"],
    ["6.000,50", "6.000,50"],
    ["60 00", "60 00"],
    ["6000,505", "6000,505"],
    ["-5", "-5"],
    ["sześć tysięcy", "sześć tysięcy"],
    [Number.NaN, Number.NaN],
    [null, null],
  ])("amount %j → %j", (input, canonical) => {
    expect(plnAmount(input)).toEqual(canonical)
  })

  it.each([
    ["30-001", "30-001"],
    ["30001", "30-001"],
    ["30 001", "30-001"],
    ["30–001", "30-001"],
    [" 30-001 ", "30-001"],
    ["300-01", "300-01"],
    ["3000", "3000"],
    ["300011", "300011"],
  ])("postal code %j → %j", (input, canonical) => {
    expect(polishPostalCode(input)).toBe(canonical)
  })

  it.each([
    ["44051401359", "44051401359"],
    ["440514 01359", "44051401359"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
    ["12a456", "12a456"],
  ])("grouped digits %j → %j", (input, canonical) => {
    expect(groupedDigits(input)).toBe(canonical)
  })

  it.each([
    ["ABC123456", "ABC123456"],
    ["abc 123456", "ABC123456"],
    [" ab 1234567 ", "AB1234567"],
  ])("document number %j → %j", (input, canonical) => {
    expect(documentNumber(input)).toBe(canonical)
  })
})
