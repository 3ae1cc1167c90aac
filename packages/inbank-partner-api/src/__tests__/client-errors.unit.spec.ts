import { inspect } from "node:util"
import nock from "nock"
import { InbankError } from ".."
import { scriptedServer, Step } from "./scripted-server"
import {
  API_KEY,
  APP,
  applicationInput,
  BASE,
  CONTRACT,
  DOCUMENT_NUMBER,
  makeClient,
  MONTHLY_INCOME,
  PESEL,
  SHOP,
} from "./fixtures"

const v2 = (path: string) => `/partner/v2/shops/${SHOP}/${path}`

async function caught(promise: Promise<unknown>): Promise<InbankError> {
  try {
    await promise
  } catch (error) {
    return error as InbankError
  }
  throw new Error("expected the call to fail")
}

/** Every way an error is looked at: message, stack, JSON, util.inspect (what loggers print). */
const everyRendering = (error: unknown) =>
  [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join(
    "\n",
  )

afterEach(() => {
  nock.cleanAll()
})

describe("InbankError", () => {
  it("turns Inbank's 401 into an error with the status, Inbank's text and the endpoint, and no API key", async () => {
    nock(BASE)
      .get(v2(`contracts/${CONTRACT}`))
      .reply(401, { error: ["unauthorized"] })

    const error = await caught(makeClient().getContract(CONTRACT))

    expect(error).toBeInstanceOf(InbankError)
    expect(error).toMatchObject({
      kind: "http",
      status: 401,
      endpoint: "getContract",
      inbankMessage: "unauthorized",
      retriable: false,
    })
    expect(error.message).toBe("Inbank getContract failed with HTTP 401: unauthorized")
    expect(everyRendering(error)).not.toContain(API_KEY)
  })

  it("keeps the API key out of every rendering when the connection is reset", async () => {
    const server = await scriptedServer(["reset"])

    const error = await caught(makeClient({ baseUrl: server.url }).acceptApplication(APP))
    await server.close()

    expect(error).toMatchObject({ kind: "network", endpoint: "acceptApplication", retriable: true })
    expect(error.message).toContain("ECONNRESET")
    expect(everyRendering(error)).not.toContain(API_KEY)
    expect(everyRendering(error)).not.toContain("Bearer")
  })

  it("scrubs the API key and the applicant's personal values from Inbank's error text", async () => {
    nock(BASE)
      .post(v2("applications"))
      .reply(422, {
        errors: {
          identity_code: [`${PESEL} is not a valid PESEL`],
          document_number: [`${DOCUMENT_NUMBER} already used`],
          monthly_income: [`${MONTHLY_INCOME} too low`],
          key: [API_KEY],
        },
      })

    const error = await caught(makeClient().createApplication(applicationInput))

    expect(error).toMatchObject({ status: 422, retriable: false, endpoint: "createApplication" })
    expect(error.inbankMessage).toContain("identity_code: [redacted] is not a valid PESEL")
    for (const secret of [API_KEY, PESEL, DOCUMENT_NUMBER, MONTHLY_INCOME]) {
      expect(everyRendering(error)).not.toContain(secret)
    }
  })

  it("scrubs personal numbers Inbank echoes in another spelling, and keeps UUIDs, dates and amounts", async () => {
    nock(BASE)
      .post(v2("applications"))
      .reply(422, {
        errors: {
          mobile: ["+48 600-100-200 is already used by 55571009-6c26-466a-a620-38327141c6d1 since 2026-11-30"],
          identity_document_number: ["abc 123456 expired"],
          amount: ["25000.00 is above the product's maximum"],
        },
      })

    const error = await caught(makeClient().createApplication(applicationInput))

    expect(error.inbankMessage).toBe(
      "mobile: [redacted] is already used by 55571009-6c26-466a-a620-38327141c6d1 since 2026-11-30; " +
        "identity_document_number: [redacted] expired; amount: 25000.00 is above the product's maximum",
    )
  })

  it("keeps the document's type readable in Inbank's error text (it names nobody)", async () => {
    nock(BASE)
      .post(v2("applications"))
      .reply(422, { errors: { identity_document_type: ["id_card is not accepted for this product"] } })

    const error = await caught(makeClient().createApplication(applicationInput))

    expect(error.inbankMessage).toBe("identity_document_type: id_card is not accepted for this product")
  })

  it("times out a call that gets no answer within timeoutMs, as a retriable network error", async () => {
    nock(BASE)
      .post(v2(`contracts/${CONTRACT}/merchant_approval`))
      .delay(500)
      .reply(200, {})

    const error = await caught(makeClient({ timeoutMs: 50 }).approveContract(CONTRACT))

    expect(error).toMatchObject({ kind: "network", retriable: true, inbankMessage: "no answer before the timeout" })
  })

  it("rejects an answer without the fields the plugin acts on", async () => {
    nock(BASE)
      .get(v2(`contracts/${CONTRACT}`))
      .reply(200, { contract: { uuid: CONTRACT, status: "approved-ish" } })

    const error = await caught(makeClient().getContract(CONTRACT))

    expect(error).toMatchObject({ kind: "invalid_response", retriable: false })
    expect(error.message).toContain("contract.status")
  })

  it("accepts statuses with stray spaces and capitals", async () => {
    nock(BASE)
      .get(v2(`contracts/${CONTRACT}`))
      .reply(200, { contract: { uuid: CONTRACT, status: "ACTIVATED " } })

    await expect(makeClient().getContract(CONTRACT)).resolves.toMatchObject({ contract: { status: "activated" } })
  })
})

describe("retries", () => {
  it("retries a GET on 503, 429 and a reset connection, then returns the answer", async () => {
    const server = await scriptedServer([
      { status: 503 },
      { status: 429, headers: { "Retry-After": "0" } },
      "reset",
      { status: 200, body: { credit_application: { uuid: APP, decision_status: "positive" } } },
    ])

    const result = await makeClient({ baseUrl: server.url, getRetries: 3 }).getApplication(APP)
    await server.close()

    expect(result.creditApplication.decisionStatus).toBe("positive")
    expect(server.requests()).toBe(4)
  })

  it("retries a GET that timed out", async () => {
    const scope = nock(BASE)
      .get(v2(`contracts/${CONTRACT}`))
      .delay(300)
      .reply(200, {})
      .get(v2(`contracts/${CONTRACT}`))
      .reply(200, { contract: { uuid: CONTRACT, status: "signed" } })

    await expect(makeClient({ timeoutMs: 50 }).getContract(CONTRACT)).resolves.toMatchObject({
      contract: { status: "signed" },
    })
    expect(scope.isDone()).toBe(true)
  })

  it("gives up after getRetries extra attempts with a retriable error", async () => {
    const scope = nock(BASE).get(v2("products")).times(3).reply(500, { message: "boom" })

    const error = await caught(makeClient({ getRetries: 2 }).listProducts())

    expect(error).toMatchObject({ status: 500, retriable: true, inbankMessage: "boom" })
    expect(scope.isDone()).toBe(true)
  })

  it("does not retry a GET that Inbank refused with a 4xx", async () => {
    nock(BASE)
      .get(v2(`applications/${APP}`))
      .reply(404, { error: ["not found"] })
    const second = nock(BASE)
      .get(v2(`applications/${APP}`))
      .reply(200, {})

    await expect(makeClient().getApplication(APP)).rejects.toMatchObject({ status: 404, retriable: false })
    expect(second.isDone()).toBe(false)
  })

  it.each<[string, Step]>([
    ["a 503", { status: 503 }],
    ["a reset connection", "reset"],
  ])("never repeats a state-changing POST after %s", async (_what, failure) => {
    const server = await scriptedServer([failure, { status: 200, body: { uuid: APP, decision_status: "pending" } }])

    await expect(makeClient({ baseUrl: server.url }).createApplication(applicationInput)).rejects.toMatchObject({
      retriable: true,
    })
    await server.close()

    expect(server.requests()).toBe(1)
  })

  it("never repeats a PATCH (SMS code confirmation) after a 502", async () => {
    nock(BASE)
      .patch(v2(`contracts/${CONTRACT}/signings`))
      .reply(502, "")
    const repeat = nock(BASE)
      .patch(v2(`contracts/${CONTRACT}/signings`))
      .reply(200, { signing: {} })

    await expect(makeClient().confirmContractSigning(CONTRACT, "123456")).rejects.toMatchObject({ status: 502 })
    expect(repeat.isDone()).toBe(false)
  })
})

describe("configuration", () => {
  it("uses the documented demo host by default and production when asked", async () => {
    const demo = nock("https://demo-api.inbank.pl").get(v2("products")).reply(200, [])
    const production = nock("https://api.inbank.pl").get(`/partner/v3/shops/${SHOP}/products`).reply(200, [])

    await makeClient({ baseUrl: undefined }).listProducts()
    await makeClient({ baseUrl: undefined, environment: "production", apiVersion: "v3" }).listProducts()

    expect(demo.isDone()).toBe(true)
    expect(production.isDone()).toBe(true)
  })

  it("tolerates a baseUrl copied with Inbank's /partner/v2/ suffix", async () => {
    const scope = nock(BASE).get(v2("products")).reply(200, { products: [] })

    await makeClient({ baseUrl: `${BASE}/partner/v2/` }).listProducts()

    expect(scope.isDone()).toBe(true)
  })

  it("refuses a negative or non-numeric amount before calling Inbank, naming the field", async () => {
    const client = makeClient()
    await expect(client.createCalculation({ productCode: "p", amount: "-1", period: 12 })).rejects.toThrow(
      /amount must not be negative/,
    )
    await expect(
      client.createApplication({
        ...applicationInput,
        creditApplication: { ...applicationInput.creditApplication, amount: "12,50" },
      }),
    ).rejects.toThrow(/creditApplication.amount must be a decimal number/)
  })

  it("refuses a missing id before any request, as the caller's TypeError (not a retriable network error)", async () => {
    const client = makeClient()
    const error = await caught(client.getApplication(undefined as unknown as string))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toBe("getApplication: uuid must be a non-empty string, got undefined")
  })
})
