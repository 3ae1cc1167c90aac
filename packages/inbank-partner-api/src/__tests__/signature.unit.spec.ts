import { parseCallbackTimestamp, signCallback, verifyCallback } from ".."
import { API_KEY } from "./fixtures"

// The direct API guide's example form, message decoded: note the trailing space in "POSITIVE ".
const MESSAGE =
  '{"type":"DECISION","status":"POSITIVE ","creditApplicationUuid":"59d2194c-634f-4632-91b6-300b58e628ce"}'
const ENCODED_MESSAGE =
  "%7B%22type%22%3A%22DECISION%22%2C%22status%22%3A%22POSITIVE%20%22%2C%22creditApplicationUuid%22%3A%2259d2194c-634f-4632-91b6-300b58e628ce%22%7D"
const TIMESTAMP_MS = "1722587395319"
const NOW = 1722587395319 + 30_000

const signed = (message = MESSAGE, timestamp = TIMESTAMP_MS, key = API_KEY) => ({
  message,
  rawMessage: encodeURIComponent(message),
  timestamp,
  hmac: signCallback(key, timestamp, message),
})

describe("callback signature", () => {
  it("accepts the vendor's example shape: decoded JSON, millisecond timestamp", () => {
    expect(verifyCallback(signed(), API_KEY, { now: NOW })).toEqual({ ok: true, timestampMs: 1722587395319 })
  })

  it("accepts a timestamp in seconds, as the vendor's table documents it", () => {
    const fields = signed(MESSAGE, "1722587395")
    expect(verifyCallback(fields, API_KEY, { now: 1722587395_000 + 1000 })).toEqual({
      ok: true,
      timestampMs: 1722587395_000,
    })
  })

  it("accepts an HMAC computed over the still URL-encoded message", () => {
    const fields = {
      message: MESSAGE,
      rawMessage: ENCODED_MESSAGE,
      timestamp: TIMESTAMP_MS,
      hmac: signCallback(API_KEY, TIMESTAMP_MS, ENCODED_MESSAGE),
    }
    expect(verifyCallback(fields, API_KEY, { now: NOW }).ok).toBe(true)
  })

  it("accepts an upper-case HMAC wrapped over lines as in the vendor's table", () => {
    const fields = signed()
    const wrapped = `${fields.hmac.slice(0, 63).toUpperCase()} \n${fields.hmac.slice(63)}`
    expect(verifyCallback({ ...fields, hmac: wrapped }, API_KEY, { now: NOW }).ok).toBe(true)
  })

  it("rejects a one-character change in the message", () => {
    const fields = signed()
    const changed = fields.message.replace("POSITIVE ", "POSITIVE!")
    const tampered = { ...fields, message: changed, rawMessage: encodeURIComponent(changed) }
    expect(verifyCallback(tampered, API_KEY, { now: NOW })).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("rejects a one-character change in the HMAC", () => {
    const fields = signed()
    const last = fields.hmac.at(-1) === "0" ? "1" : "0"
    expect(verifyCallback({ ...fields, hmac: fields.hmac.slice(0, -1) + last }, API_KEY, { now: NOW })).toEqual({
      ok: false,
      reason: "bad_signature",
    })
  })

  it("rejects a changed timestamp", () => {
    const fields = signed()
    expect(verifyCallback({ ...fields, timestamp: "1722587395320" }, API_KEY, { now: NOW }).ok).toBe(false)
  })

  it("rejects a callback signed with another key", () => {
    expect(verifyCallback(signed(MESSAGE, TIMESTAMP_MS, "another-key"), API_KEY, { now: NOW })).toEqual({
      ok: false,
      reason: "bad_signature",
    })
  })

  it("rejects a correctly signed but stale or future timestamp outside the window", () => {
    expect(verifyCallback(signed(), API_KEY, { now: NOW + 301_000 })).toEqual({ ok: false, reason: "stale" })
    expect(verifyCallback(signed(), API_KEY, { now: 1722587395319 - 301_000 })).toEqual({ ok: false, reason: "stale" })
    expect(verifyCallback(signed(), API_KEY, { now: NOW + 301_000, toleranceSeconds: 3600 }).ok).toBe(true)
  })

  it.each([
    ["an empty HMAC", { hmac: "" }],
    ["a short HMAC", { hmac: "abcd" }],
    ["a non-numeric timestamp", { timestamp: "yesterday" }],
    ["an empty message", { message: "" }],
  ])("calls %s malformed", (_what, change) => {
    expect(verifyCallback({ ...signed(), ...change }, API_KEY, { now: NOW })).toEqual({
      ok: false,
      reason: "malformed",
    })
  })

  it("reads 10-digit timestamps as seconds and 13-digit ones as milliseconds", () => {
    expect(parseCallbackTimestamp("1549411200")).toBe(1549411200_000)
    expect(parseCallbackTimestamp("1722587395319")).toBe(1722587395319)
    expect(parseCallbackTimestamp("-5")).toBeUndefined()
  })
})
