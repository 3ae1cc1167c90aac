import { createHmac } from "node:crypto"
import { ApiVersion, parseCallbackForm, verifyCallback } from "inbank-partner-api"
import type { Sandbox } from "inbank-sandbox"
import { API_KEY, application, callbackListener, clientFor, SHOP, smsCode, useTestSandbox, waitFor } from "./helpers"

/**
 * The contract between the client (packages/inbank-partner-api) and the sandbox (packages/inbank-sandbox),
 * both written from Inbank's documents and neither from the other: the same flows run once through the
 * client and once through plain HTTP requests written from the documents (partner API reference
 * 2024-07-19, direct API guide 2025-02-25), and must see the same answers. A misreading on either side
 * makes the two runs differ, or one of them fail.
 */

/** What a flow observes, step by step, whoever drives it. */
interface Driver {
  /** POST /applications → the new application's uuid and decision_status. */
  createApplication(input: ReturnType<typeof application>): Promise<{ uuid: string; decisionStatus: string }>
  /** GET /applications/:uuid → credit_application.decision_status. */
  decisionStatus(uuid: string): Promise<string>
  /** POST /applications/:uuid/accept → contract.uuid, or the HTTP status of a refusal. */
  accept(uuid: string): Promise<{ contractUuid: string } | { refused: number }>
  /** POST /contracts/:uuid/signings with method sms. */
  startSmsSigning(contractUuid: string): Promise<void>
  /** PATCH /contracts/:uuid/signings → the HTTP status (200 when the code is right). */
  confirmSigning(contractUuid: string, code: string): Promise<number>
  /** GET /contracts/:uuid → contract.status and process_status. */
  contract(contractUuid: string): Promise<{ status: string; processStatus: string }>
}

function throughClient(sandbox: Sandbox, version: ApiVersion): Driver {
  const client = clientFor(sandbox, version)
  const status = async (call: Promise<unknown>) =>
    call.then(
      () => 200,
      (error: { status?: number }) => error.status ?? 0,
    )
  return {
    createApplication: async (input) => {
      const created = await client.createApplication(input)
      return { uuid: created.uuid, decisionStatus: created.decisionStatus }
    },
    decisionStatus: async (uuid) => (await client.getApplication(uuid)).creditApplication.decisionStatus,
    accept: async (uuid) => {
      try {
        return { contractUuid: (await client.acceptApplication(uuid)).contract.uuid }
      } catch (error) {
        return { refused: (error as { status?: number }).status ?? 0 }
      }
    },
    startSmsSigning: async (contractUuid) => void (await client.startContractSigning(contractUuid, "sms")),
    confirmSigning: (contractUuid, code) => status(client.confirmContractSigning(contractUuid, code)),
    contract: async (contractUuid) => {
      const { contract, processStatus } = await client.getContract(contractUuid)
      return { status: contract.status, processStatus: processStatus ?? "" }
    },
  }
}

/**
 * Plain `fetch`, as the documents describe the API: `Authorization: Bearer <api key>`, JSON bodies,
 * `/partner/<version>/shops/<shop uuid>/…`; v2 snake_case keys, v3 camelCase keys and hyphens for
 * underscores in paths ("CamelCase for Parameter Names", "Hyphens for Request URLs").
 */
function throughHttp(sandbox: Sandbox, version: ApiVersion): Driver {
  const key = (snake: string) =>
    version === "v2" ? snake : snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
  const spell = (camelJson: string) =>
    version === "v3"
      ? camelJson
      : camelJson.replace(
          /"(\w+)":/g,
          (_, name: string) => `"${name.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`)}":`,
        )
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(
      `${sandbox.url}/partner/${version}/shops/${SHOP}/${version === "v3" ? path.replace(/_/g, "-") : path}`,
      {
        method,
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", accept: "application/json" },
        body: body === undefined ? undefined : spell(JSON.stringify(body)),
      },
    )
    const text = await response.text()
    return { status: response.status, data: (text ? JSON.parse(text) : {}) as Record<string, Record<string, string>> }
  }
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body)
    if (answer.status !== 200 && answer.status !== 201)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.data)}`)
    return answer.data
  }
  return {
    createApplication: async (input) => {
      const created = await ok("POST", "applications", input)
      return {
        uuid: created[key("uuid")] as unknown as string,
        decisionStatus: created[key("decision_status")] as unknown as string,
      }
    },
    decisionStatus: async (uuid) =>
      (await ok("GET", `applications/${uuid}`))[key("credit_application")][key("decision_status")],
    accept: async (uuid) => {
      const answer = await call("POST", `applications/${uuid}/accept`)
      return answer.status === 200 || answer.status === 201
        ? { contractUuid: answer.data.contract.uuid }
        : { refused: answer.status }
    },
    startSmsSigning: async (contractUuid) =>
      void (await ok("POST", `contracts/${contractUuid}/signings`, { method: "sms" })),
    confirmSigning: async (contractUuid, code) =>
      (await call("PATCH", `contracts/${contractUuid}/signings`, { method: "sms", confirmationCode: code })).status,
    contract: async (contractUuid) => {
      const answer = await ok("GET", `contracts/${contractUuid}`)
      return { status: answer.contract.status, processStatus: answer[key("process_status")] as unknown as string }
    },
  }
}

const sandboxNow = useTestSandbox()
let listener: Awaited<ReturnType<typeof callbackListener>>
beforeAll(async () => {
  listener = await callbackListener()
})
afterAll(() => listener.close())
beforeEach(() => {
  listener.received.length = 0
})

const drivers = { "the client": throughClient, "plain HTTP from the documents": throughHttp }

/** application create → decision → offer accept → SMS signing (a wrong code, then the right one) → contract. */
async function positiveFlow(driver: Driver, sandbox: Sandbox) {
  const input = application("399.00", "Kowalski", { callbackUrl: listener.url })
  const created = await driver.createApplication(input)
  const decision = await driver.decisionStatus(created.uuid)
  const accepted = await driver.accept(created.uuid)
  if (!("contractUuid" in accepted)) throw new Error(`accept refused with ${accepted.refused}`)
  const afterAccept = await driver.contract(accepted.contractUuid)
  await driver.startSmsSigning(accepted.contractUuid)
  const code = await smsCode(sandbox, input.customerContact.mobile)
  const wrongCode = await driver.confirmSigning(accepted.contractUuid, code === "000000" ? "111111" : "000000")
  const rightCode = await driver.confirmSigning(accepted.contractUuid, code)
  const signed = await driver.contract(accepted.contractUuid)
  await waitFor(() => listener.received.length >= 4)
  return {
    created: created.decisionStatus,
    decision,
    afterAccept,
    wrongCode,
    rightCode,
    signed,
    callbacks: listener.statuses(),
  }
}

/** A declined application (2 400 PLN): the offer cannot be accepted. */
async function negativeFlow(driver: Driver) {
  const created = await driver.createApplication(application("2400.00"))
  return {
    created: created.decisionStatus,
    decision: await driver.decisionStatus(created.uuid),
    accept: await driver.accept(created.uuid),
  }
}

describe.each<ApiVersion>(["v2", "v3"])("client and sandbox agree with the documents, %s", (version) => {
  it("runs the positive flow alike through the client and through plain HTTP", async () => {
    const sandbox = sandboxNow()
    const seen: Record<string, unknown> = {}
    for (const [name, drive] of Object.entries(drivers)) {
      listener.received.length = 0
      seen[name] = await positiveFlow(drive(sandbox, version), sandbox)
    }
    expect(seen["the client"]).toEqual(seen["plain HTTP from the documents"])
    expect(seen["the client"]).toEqual({
      created: "positive",
      decision: "positive",
      afterAccept: { status: "unsigned", processStatus: "contract_signing" },
      wrongCode: 422,
      rightCode: 200,
      signed: { status: "activated", processStatus: "activated" },
      callbacks: ["POSITIVE", "UNSIGNED", "SIGNED", "ACTIVATED"],
    })
  })

  it("runs the declined flow alike through the client and through plain HTTP", async () => {
    const client = await negativeFlow(throughClient(sandboxNow(), version))
    const http = await negativeFlow(throughHttp(sandboxNow(), version))
    expect(client).toEqual(http)
    expect(client).toEqual({ created: "negative", decision: "negative", accept: { refused: 422 } })
  })
})

describe("callback signature", () => {
  it("verifies with the client and with the documents' HMAC recipe, and fails with another key", async () => {
    const driver = throughHttp(sandboxNow(), "v2")
    await driver.createApplication(application("100.00", "Kowalski", { callbackUrl: listener.url }))
    await waitFor(() => listener.received.length >= 1)
    const [callback] = listener.received

    // The client, from the raw form body, as a shop's route would use it.
    const form = parseCallbackForm(callback.body)
    if (!form.ok) throw new Error(form.problem)
    expect(verifyCallback(form.fields, API_KEY)).toMatchObject({ ok: true })
    expect(verifyCallback(form.fields, "another-key")).toEqual({ ok: false, reason: "bad_signature" })

    // The documents: "SHA512 HMAC, over the timestamp and message from the request, concatenated with
    // . delimiter. Your shop API key is used as HMAC secret" (partner API reference, "Callbacks").
    const recipe = (apiKey: string) =>
      createHmac("sha512", apiKey).update(`${callback.timestamp}.${callback.message}`).digest("hex")
    expect(callback.hmac).toBe(recipe(API_KEY))
    expect(callback.hmac).not.toBe(recipe("another-key"))
    expect(JSON.parse(callback.message)).toEqual({
      type: "DECISION",
      status: "POSITIVE",
      creditApplicationUuid: expect.any(String),
    })
  })
})
