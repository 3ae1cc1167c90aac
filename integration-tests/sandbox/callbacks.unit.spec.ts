import axios from "axios"
import { verifyCallback } from "inbank-partner-api"
import { Sandbox } from "inbank-sandbox"
import { API_KEY, application, callbackListener, clientFor, startTestSandbox, waitFor } from "./helpers"

let sandbox: Sandbox
let listener: Awaited<ReturnType<typeof callbackListener>>
let answer = 200

beforeAll(async () => {
  sandbox = await startTestSandbox()
  listener = await callbackListener(() => answer)
})
afterAll(async () => {
  await sandbox.stop()
  await listener.close()
})
beforeEach(() => {
  sandbox.reset()
  listener.received.length = 0
  answer = 200
})

const messages = () => listener.received.map((r) => JSON.parse(r.message))

describe("callbacks", () => {
  it("signs every state change as documented; the project's HMAC helper verifies each", async () => {
    sandbox.updateSettings({ merchantApproval: true })
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(250, "Kowalski", { callbackUrl: listener.url }))
    const { contract } = await client.acceptApplication(created.uuid)
    await client.startContractSigning(contract.uuid, "digital")
    await client.approveContract(contract.uuid)

    await waitFor(() => listener.received.length >= 5)
    expect(listener.statuses()).toEqual([
      "POSITIVE",
      "UNSIGNED",
      "SIGNED",
      "ACTIVATION_REQUIRES_PARTNER_APPROVAL",
      "ACTIVATED",
    ])
    expect(messages().map((m) => m.type)).toEqual(["DECISION", "CONTRACT", "CONTRACT", "CONTRACT", "CONTRACT"])
    // The application UUID, also for contract events (direct API guide, "message").
    expect(new Set(messages().map((m) => m.creditApplicationUuid))).toEqual(new Set([created.uuid]))
    for (const callback of listener.received) {
      expect(callback.timestamp).toMatch(/^\d{13}$/)
      expect(verifyCallback(callback, API_KEY)).toMatchObject({ ok: true })
      expect(verifyCallback(callback, "another-key")).toEqual({ ok: false, reason: "bad_signature" })
    }
  })

  it("sends decision callbacks for negative, failed and income proof decisions, and cancellations", async () => {
    const client = clientFor(sandbox, "v3")
    await client.createApplication(application(2400, "Kowalski", { callbackUrl: listener.url }))
    await client.createApplication(application(200, "Failed", { callbackUrl: listener.url }))
    await client.createApplication(application(200, "Income", { callbackUrl: listener.url }))
    const created = await client.createApplication(application(200, "Kowalski", { callbackUrl: listener.url }))
    await client.cancelContract((await client.acceptApplication(created.uuid)).contract.uuid)

    await waitFor(() => listener.received.length >= 6)
    expect(listener.statuses()).toEqual([
      "NEGATIVE",
      "FAILED",
      "INCOME_PROOF_REQUIRED",
      "POSITIVE",
      "UNSIGNED",
      "CANCELLED",
    ])
  })

  it("sends each callback N times when asked, with timestamps in seconds, HMAC over the encoded message", async () => {
    sandbox.updateSettings({ callbackDuplicates: 3, callbackTimestampUnit: "s", callbackHmacOver: "encoded" })
    await clientFor(sandbox, "v2").createApplication(application(100, "Kowalski", { callbackUrl: listener.url }))

    await waitFor(() => listener.received.length >= 3)
    expect(listener.statuses()).toEqual(["POSITIVE", "POSITIVE", "POSITIVE"])
    for (const callback of listener.received) {
      expect(callback.timestamp).toMatch(/^\d{10}$/)
      expect(verifyCallback(callback, API_KEY).ok).toBe(true)
    }
  })

  it("delivers one burst out of order when asked", async () => {
    // The burst collects what happens within the delay: long enough for a busy CI machine.
    sandbox.updateSettings({ callbackOutOfOrder: true, callbackDelayMs: 1000 })
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(100, "Kowalski", { callbackUrl: listener.url }))
    const { contract } = await client.acceptApplication(created.uuid)
    await client.startContractSigning(contract.uuid, "digital")

    await waitFor(() => listener.received.length >= 4)
    expect(listener.statuses()).toEqual(["ACTIVATED", "SIGNED", "UNSIGNED", "POSITIVE"])
  })

  it("retries while the receiver does not answer 2xx, and logs every attempt", async () => {
    answer = 503
    sandbox.updateSettings({ callbackRetries: 2 })
    await clientFor(sandbox, "v2").createApplication(application(100, "Kowalski", { callbackUrl: listener.url }))
    await waitFor(() => listener.received.length >= 2)
    answer = 200

    await waitFor(() => listener.received.length >= 3)
    const { data } = await axios.get(`${sandbox.url}/__sandbox/callbacks`)
    expect(data.callbacks.map((c: { attempt: number; outcome: number }) => [c.attempt, c.outcome])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ])
  })

  it("gives up after callbackRetries when the receiver is down", async () => {
    sandbox.updateSettings({ callbackRetries: 1 })
    await clientFor(sandbox, "v2").createApplication(
      application(100, "Kowalski", { callbackUrl: "http://127.0.0.1:9/hooks/inbank" }),
    )
    const attempts = await waitFor(async () => {
      const { data } = await axios.get(`${sandbox.url}/__sandbox/callbacks`)
      return data.callbacks.length >= 2 ? data.callbacks : undefined
    })
    expect(attempts.map((c: { outcome: string }) => c.outcome)).toEqual(["ECONNREFUSED", "ECONNREFUSED"])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await axios.get(`${sandbox.url}/__sandbox/callbacks`)).data.callbacks).toHaveLength(2)
  })
})
