import { parseInbankOptions } from "../plugin-options"
import { InbankProviderService } from "../../providers/inbank/service"

const valid = { apiKey: "secret-api-key-123", shopUuid: "shop-1", productCode: "hire_purchase" }

describe("provider options", () => {
  it("fills the documented defaults", () => {
    expect(parseInbankOptions(valid)).toEqual({
      ...valid,
      environment: "demo",
      apiVersion: "v2",
      signingMethod: "sms",
      applicationSigning: false,
      requestTimeoutMs: 10_000,
      requiredConsents: ["DATA_PROCESSING"],
      callbackToleranceSeconds: 300,
      autoCancelOrders: true,
      reconcileAfterMinutes: 10,
      maxConcurrentUploads: 4,
      offersLimits: { calculationsPerMinute: 540, otherAmountCalculationsPerMinute: 180, newAmountsPerClientPerMinute: 20 },
    })
  })

  it("names every missing required option", () => {
    expect(() => InbankProviderService.validateOptions({})).toThrow(
      "Invalid options for the Inbank payment provider: `apiKey` is required; `shopUuid` is required; `productCode` is required"
    )
  })

  it("names bad values without echoing them", () => {
    const bad = { ...valid, apiVersion: "v9", baseUrl: "not a url", minAmount: "12,50" }
    let message = ""
    try {
      parseInbankOptions(bad)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('`apiVersion`: Invalid option: expected one of "v2"|"v3"')
    expect(message).toContain("`baseUrl`: Invalid URL")
    expect(message).toContain("`minAmount`: must be a PLN amount")
    expect(message).not.toContain("not a url")
  })

  it("keeps the offers route's share for other amounts inside its whole budget", () => {
    expect(() => parseInbankOptions({ ...valid, offersLimits: { calculationsPerMinute: 100, otherAmountCalculationsPerMinute: 200 } })).toThrow(
      "`offersLimits.otherAmountCalculationsPerMinute`: must not exceed `calculationsPerMinute`"
    )
    expect(parseInbankOptions({ ...valid, offersLimits: { calculationsPerMinute: 1000 } }).offersLimits).toEqual({
      calculationsPerMinute: 1000,
      otherAmountCalculationsPerMinute: 180,
      newAmountsPerClientPerMinute: 20,
    })
  })

  it("requires defaultPeriod to be one of periods", () => {
    expect(() => parseInbankOptions({ ...valid, periods: [6, 12], defaultPeriod: 24 })).toThrow("`defaultPeriod`: must be one of `periods`")
    expect(parseInbankOptions({ ...valid, periods: [6, 12], defaultPeriod: 12 }).defaultPeriod).toBe(12)
  })

  it("never echoes the API key when it has the wrong type", () => {
    expect(() => parseInbankOptions({ ...valid, apiKey: 12345678 })).toThrow(/`apiKey`: Invalid input: expected string/)
    expect(() => parseInbankOptions({ ...valid, apiKey: 12345678 })).not.toThrow(/12345678/)
  })
})
