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
      uploadTimeoutSeconds: 240,
      offersLimits: {
        calculationsPerMinute: 540,
        otherAmountCalculationsPerMinute: 180,
        newAmountsPerClientPerMinute: 5,
      },
      rateLimits: expect.any(Object),
    })
  })

  it("fills the production abuse limits, and a limit given replaces only that limit", () => {
    const hour = { windowSeconds: 3600 }
    expect(parseInbankOptions(valid).rateLimits).toEqual({
      exemptIps: [],
      application: {
        perIp: { points: 20, ...hour },
        perCart: { points: 5, ...hour },
        perIdentity: { points: 5, windowSeconds: 86_400 },
        perPhone: { points: 5, windowSeconds: 86_400 },
      },
      smsSend: {
        perIp: { points: 20, ...hour },
        perApplication: { points: 5, windowSeconds: 900 },
        perPhone: { points: 5, ...hour },
      },
      codeConfirm: {
        perIp: { points: 50, ...hour },
        perApplication: { points: 5, windowSeconds: 900 },
        perIdentity: { points: 10, ...hour },
      },
    })
    const custom = parseInbankOptions({
      ...valid,
      rateLimits: { smsSend: { perPhone: { points: 3, windowSeconds: 600 } } },
    }).rateLimits
    expect(custom.smsSend).toEqual({
      perIp: { points: 20, ...hour },
      perApplication: { points: 5, windowSeconds: 900 },
      perPhone: { points: 3, windowSeconds: 600 },
    })
    expect(custom.application.perIdentity).toEqual({ points: 5, windowSeconds: 86_400 })
    expect(() =>
      parseInbankOptions({ ...valid, rateLimits: { smsSend: { perPhon: { points: 3, windowSeconds: 600 } } } }),
    ).toThrow("`rateLimits.smsSend`")
    expect(() =>
      parseInbankOptions({ ...valid, rateLimits: { codeConfirm: { perIdentity: { points: 0, windowSeconds: 600 } } } }),
    ).toThrow("`rateLimits.codeConfirm.perIdentity.points`")
  })

  it("names every missing required option", () => {
    expect(() => InbankProviderService.validateOptions({})).toThrow(
      "Invalid options for the Inbank payment provider: `apiKey` is required; `shopUuid` is required; `productCode` is required",
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
    expect(() =>
      parseInbankOptions({
        ...valid,
        offersLimits: { calculationsPerMinute: 100, otherAmountCalculationsPerMinute: 200 },
      }),
    ).toThrow("`offersLimits.otherAmountCalculationsPerMinute`: must not exceed `calculationsPerMinute`")
    expect(parseInbankOptions({ ...valid, offersLimits: { calculationsPerMinute: 1000 } }).offersLimits).toEqual({
      calculationsPerMinute: 1000,
      otherAmountCalculationsPerMinute: 180,
      newAmountsPerClientPerMinute: 5,
    })
  })

  it("requires defaultPeriod to be one of periods", () => {
    expect(() => parseInbankOptions({ ...valid, periods: [6, 12], defaultPeriod: 24 })).toThrow(
      "`defaultPeriod`: must be one of `periods`",
    )
    expect(parseInbankOptions({ ...valid, periods: [6, 12], defaultPeriod: 12 }).defaultPeriod).toBe(12)
  })

  it("never echoes the API key when it has the wrong type", () => {
    expect(() => parseInbankOptions({ ...valid, apiKey: 12345678 })).toThrow(/`apiKey`: Invalid input: expected string/)
    expect(() => parseInbankOptions({ ...valid, apiKey: 12345678 })).not.toThrow(/12345678/)
  })
})
