import { signCallback } from "inbank-partner-api"
import { isBoundSession } from "../../../lib/financing/session-binding"
import type { InbankApplicationRecord } from "../../../lib/financing/record-state"
import InbankModuleService from "../service"

const API_KEY = "module-test-api-key"
const OPTIONS = { apiKey: API_KEY, shopUuid: "00000000-0000-4000-8000-000000000001", productCode: "hire_purchase" }

/** The module as Medusa builds it, with no database: these methods touch none. */
const moduleWith = (options: Record<string, unknown> = {}) =>
  new (InbankModuleService as unknown as new (container: object, options: object) => InbankModuleService)(
    {},
    { ...OPTIONS, ...options },
  )

describe("InbankModuleService: the API key stays inside", () => {
  it("shows its options as frozen settings without the API key", () => {
    const { settings } = moduleWith({ rateLimits: { exemptIps: ["127.0.0.1"] } })
    expect(settings).not.toHaveProperty("apiKey")
    expect(JSON.stringify(settings)).not.toContain(API_KEY)
    expect(settings.productCode).toBe("hire_purchase")
    expect(
      Object.isFrozen(settings) &&
        Object.isFrozen(settings.rateLimits) &&
        Object.isFrozen(settings.rateLimits.exemptIps),
    ).toBe(true)
  })

  it("verifies a callback signed with its key, within callbackToleranceSeconds", () => {
    const inbank = moduleWith({ callbackToleranceSeconds: 60 })
    const signed = (timestampMs: number, key = API_KEY) => {
      const message =
        '{"type":"DECISION","status":"POSITIVE","creditApplicationUuid":"59d2194c-634f-4632-91b6-300b58e628ce"}'
      const timestamp = String(timestampMs)
      return {
        message,
        rawMessage: encodeURIComponent(message),
        timestamp,
        hmac: signCallback(key, timestamp, message),
      }
    }
    const now = Date.now()
    expect(inbank.verifyCallback(signed(now))).toEqual({ ok: true, timestampMs: now })
    expect(inbank.verifyCallback(signed(now, "another-key"))).toEqual({ ok: false, reason: "bad_signature" })
    expect(inbank.verifyCallback(signed(now - 120_000))).toEqual({ ok: false, reason: "stale" })
  })

  it("binds a session as the payment provider, with the same options, checks it", () => {
    const fields = {
      applicationUuid: "59d2194c-634f-4632-91b6-300b58e628ce",
      paymentCollectionId: "pay_col_1",
      amount: "399.00",
    }
    const data = {
      application_uuid: fields.applicationUuid,
      payment_collection_id: fields.paymentCollectionId,
      binding: moduleWith().bindSession(fields),
    }
    expect(isBoundSession(API_KEY, data, "399.00")).toBe(true)
    expect(isBoundSession("another-key", data, "399.00")).toBe(false)
  })

  it("keys the applicant and the client address, never with their values, and not exempt addresses", () => {
    const inbank = moduleWith({ rateLimits: { exemptIps: ["127.0.0.1"] } })
    const keys = inbank.personKeys({ mobile: "+48500100200", identity_code: "90010112345" })
    expect(keys).toEqual({
      phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      identity_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(inbank.personKeys({ mobile: "500100200", identity_code: "90010112345" })).toEqual(keys)
    expect(
      moduleWith({ apiKey: "another-key" }).personKeys({ mobile: "500100200", identity_code: "90010112345" })
        .phone_hash,
    ).not.toBe(keys.phone_hash)
    expect(inbank.addressKey("203.0.113.7")).toMatch(/^[0-9a-f]{64}$/)
    expect(inbank.addressKey("::ffff:127.0.0.1")).toBeNull()
    expect(inbank.addressKey(undefined)).toBeNull()
  })

  it("names the required consents not accepted", () => {
    const inbank = moduleWith({ requiredConsents: ["DATA_PROCESSING", "MARKETING"] })
    expect(
      inbank.missingConsents([
        { type: "DATA_PROCESSING", value: true },
        { type: "MARKETING", value: false },
      ]),
    ).toEqual(["MARKETING"])
    expect(
      inbank.missingConsents([
        { type: "MARKETING", value: true },
        { type: "DATA_PROCESSING", value: true },
      ]),
    ).toEqual([])
  })

  it.each([
    [undefined, undefined],
    ["https://shop.example", "https://shop.example/hooks/inbank"],
    ["https://shop.example/medusa//", "https://shop.example/medusa/hooks/inbank"],
  ])("gives Inbank the callback URL for backendUrl %s", (backendUrl, expected) => {
    expect(moduleWith({ backendUrl }).callbackUrl()).toBe(expected)
  })

  it("derives a record's state under its applicationSigning option", () => {
    const record = {
      decision_status: "pending",
      application_signed: false,
      previous_uuids: { uuids: [] },
    } as unknown as InbankApplicationRecord
    expect(moduleWith({ applicationSigning: true }).stateOf(record, { orderPlaced: false }).nextAction).toBe(
      "sign_application",
    )
    expect(moduleWith().stateOf(record, { orderPlaced: false }).nextAction).toBe("wait")
  })
})
