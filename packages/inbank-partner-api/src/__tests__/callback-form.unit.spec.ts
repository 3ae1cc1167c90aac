import { createHmac } from "node:crypto"
import { parseCallbackForm, parseCallbackMessage, verifyCallback } from ".."
import { API_KEY } from "./fixtures"

/**
 * The callback route's checks in its order: one parse of the raw form, the HMAC over that parse's
 * `message`, then that same field's JSON. The signer is written from the direct API guide
 * ("Callback authenticity validation": hex HMAC-SHA512, key = API key, data = timestamp "." message),
 * not taken from the code under test.
 */
const hmac = (timestamp: string, data: string, key = API_KEY) =>
  createHmac("sha512", key).update(`${timestamp}.${data}`).digest("hex")

const UUID = "59d2194c-634f-4632-91b6-300b58e628ce"
const TIMESTAMP = "1722587395319"
const NOW = 1722587395319 + 30_000
const json = (status: string, uuid = UUID, type = "CONTRACT") =>
  JSON.stringify({ type, status, creditApplicationUuid: uuid })
const SIGNED = json("SIGNED")
const ACTIVATED = json("ACTIVATED")
/** A genuine callback as an attacker captured it: form-encoded as the sandbox and the vendor example send it. */
const genuine = `message=${encodeURIComponent(SIGNED)}&hmac=${hmac(TIMESTAMP, SIGNED)}&timestamp=${TIMESTAMP}`

/** What the route would act on, or where it stopped. */
function accept(body: string | Buffer) {
  const form = parseCallbackForm(body)
  if (!form.ok) return { stage: "form" }
  const verified = verifyCallback(form.fields, API_KEY, { now: NOW })
  if (!verified.ok) return { stage: "signature", reason: verified.reason }
  const message = parseCallbackMessage(form.fields.message)
  if (!message.ok) return { stage: "message" }
  return { stage: "accepted", ...message.value }
}

describe("callback form: one parse, verified and used", () => {
  it.each([
    ["the vendor's shape: HMAC over the decoded JSON", genuine],
    [
      "HMAC over the still-encoded field, as sent",
      `message=${encodeURIComponent(SIGNED)}&hmac=${hmac(TIMESTAMP, encodeURIComponent(SIGNED))}&timestamp=${TIMESTAMP}`,
    ],
    [
      "fields in another order, plus a field we do not read",
      `timestamp=${TIMESTAMP}&future=1&hmac=${hmac(TIMESTAMP, SIGNED)}&message=${encodeURIComponent(SIGNED)}`,
    ],
    ["a trailing &", `${genuine}&`],
  ])("accepts %s", (_name, body) => {
    expect(accept(body)).toEqual({ stage: "accepted", type: "CONTRACT", status: "SIGNED", creditApplicationUuid: UUID })
  })

  it("reads + as a space, and accepts the HMAC over the raw field with its + (URLSearchParams' encoding)", () => {
    const message = json("POSITIVE ", UUID, "DECISION")
    const raw = new URLSearchParams({ message }).toString().slice("message=".length)
    expect(raw).toContain("+")
    for (const signedOver of [message, raw]) {
      expect(accept(`message=${raw}&hmac=${hmac(TIMESTAMP, signedOver)}&timestamp=${TIMESTAMP}`)).toMatchObject({
        stage: "accepted",
        status: "POSITIVE",
      })
    }
  })

  const forged = encodeURIComponent(ACTIVATED)
  it.each([
    ["the issue's attack: an encoded name before the captured message", `%6Dessage=${forged}&${genuine}`],
    ["an encoded name after it", `${genuine}&%6Dessage=${forged}`],
    ["an encoded last letter", `messag%65=${forged}&${genuine}`],
    ["a NUL after the name", `message%00=${forged}&${genuine}`],
    ["an array name", `message[]=${forged}&${genuine}`],
    ["an encoded hmac name", `${genuine}&%68mac=${hmac(TIMESTAMP, ACTIVATED)}`],
    ["a name in capitals", `MESSAGE=${forged}&${genuine}`],
    ["a name in another case", `Message=${forged}&${genuine}`],
    ["message twice", `message=${forged}&${genuine}`],
    ["message twice, the same value", `${genuine}&message=${encodeURIComponent(SIGNED)}`],
    ["hmac twice", `${genuine}&hmac=${hmac(TIMESTAMP, SIGNED)}`],
    ["timestamp twice", `${genuine}&timestamp=${TIMESTAMP}`],
    ["an empty name", `=x&${genuine}`],
    ["a space in a name", `message+=${forged}&${genuine}`],
    ["a malformed escape in the message", `message=%7B%2&hmac=${hmac(TIMESTAMP, "%7B%2")}&timestamp=${TIMESTAMP}`],
    ["an escape that is not UTF-8", `message=%FF&hmac=${hmac(TIMESTAMP, "%FF")}&timestamp=${TIMESTAMP}`],
  ])("refuses %s before anything else", (_name, body) => {
    expect(accept(body)).toEqual({ stage: "form" })
  })

  it("refuses a body whose bytes are not UTF-8", () => {
    expect(accept(Buffer.concat([Buffer.from(genuine), Buffer.from([0x26, 0x78, 0x3d, 0xc3, 0x28])]))).toEqual({
      stage: "form",
    })
  })

  it("checks the HMAC over the one message it then uses: a forged message with a captured HMAC is refused", () => {
    expect(accept(`message=${forged}&hmac=${hmac(TIMESTAMP, SIGNED)}&timestamp=${TIMESTAMP}`)).toEqual({
      stage: "signature",
      reason: "bad_signature",
    })
  })

  const signedBody = (message: string) =>
    `message=${encodeURIComponent(message)}&hmac=${hmac(TIMESTAMP, message)}&timestamp=${TIMESTAMP}`
  it.each([
    ["an application id that is not a UUID", json("SIGNED", "1")],
    ["a path in the application id", json("SIGNED", "../../products")],
    ["a UUID with something after it", json("SIGNED", `${UUID}/cancel`)],
    ["a status Inbank does not document", json("PAID")],
    ["a contract status under DECISION", json("ACTIVATED", UUID, "DECISION")],
    ["a decision status under CONTRACT", json("POSITIVE")],
    ["a type Inbank does not document", json("SIGNED", UUID, "SIGNING")],
    ["a status that is not a string", JSON.stringify({ type: "CONTRACT", status: 1, creditApplicationUuid: UUID })],
  ])("refuses a correctly signed message with %s", (_name, message) => {
    expect(accept(signedBody(message))).toEqual({ stage: "message" })
  })

  it("takes every status of each type's vocabulary, and the UUID in lower case", () => {
    const decision = ["POSITIVE", "NEGATIVE", "FAILED", "INCOME_PROOF_REQUIRED"]
    const contract = [
      "UNSIGNED",
      "SIGNED",
      "ACTIVATED",
      "CANCELLED",
      "TERMINATED",
      "ACTIVATION_REQUIRES_PARTNER_APPROVAL",
      "DOWN_PAYMENT_PAID_BY_CUSTOMER",
    ]
    for (const status of decision)
      expect(accept(signedBody(json(status, UUID, "DECISION")))).toMatchObject({ stage: "accepted", status })
    for (const status of contract) expect(accept(signedBody(json(status)))).toMatchObject({ stage: "accepted", status })
    expect(accept(signedBody(json("signed", UUID.toUpperCase())))).toMatchObject({
      status: "SIGNED",
      creditApplicationUuid: UUID,
    })
  })
})
