import { redact } from "../errors"

describe("redact", () => {
  it("scrubs a secret that holds a date or a UUID whole (an e-mail with a birth date)", () => {
    const email = "zofia.1990-05-12@example.com"
    expect(redact(`email: ${email} is already used`, [email])).toBe("email: [redacted] is already used")
  })

  it("scrubs a secret that starts with a personal number whole, not only its number", () => {
    const email = "500100200@example.com"
    expect(redact(`email: ${email} is invalid`, [email])).toBe("email: [redacted] is invalid")
  })

  it("scrubs a secret Inbank echoes in capitals", () => {
    expect(redact("customer KOWALSKI JAN is blocked", ["Kowalski", "Jan"])).toBe(
      "customer [redacted] [redacted] is blocked",
    )
  })

  it("scrubs a document number with a dash", () => {
    expect(redact("identity_document_number: ABA-300000 expired", [])).toBe(
      "identity_document_number: [redacted] expired",
    )
  })

  it("keeps amounts that merely contain a short numeric secret (obligations of 250 zł)", () => {
    expect(redact("amount: 25000.00 is above 2500.00; obligations: 250 too high", ["250"])).toBe(
      "amount: 25000.00 is above 2500.00; obligations: [redacted] too high",
    )
  })

  it("keeps a UUID or a date that merely holds a secret, and scrubs the secret elsewhere", () => {
    expect(redact("application 471e6282-3384-412b-af7b-646eb8f04391: house 12B unknown", ["12B"])).toBe(
      "application 471e6282-3384-412b-af7b-646eb8f04391: house [redacted] unknown",
    )
  })

  it("scrubs a phone Inbank spells with a short secret inside it as one value", () => {
    expect(redact("mobile: +48 600-100-200 taken", ["100"])).toBe("mobile: [redacted] taken")
  })
})
