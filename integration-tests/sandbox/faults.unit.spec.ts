import axios from "axios"
import { Sandbox } from "inbank-sandbox"
import { application, clientFor, useTestSandbox, rejection } from "./helpers"

const sandboxNow = useTestSandbox()
let sandbox: Sandbox
beforeEach(() => {
  sandbox = sandboxNow()
})

const fault = (body: Record<string, unknown>) => axios.post(`${sandbox.url}/__sandbox/faults`, body)
const requests = async (endpoint: string) =>
  (await axios.get(`${sandbox.url}/__sandbox/requests`, { params: { endpoint } })).data.requests as {
    status: number
    fault: string | null
    ms: number
  }[]

describe("fault injection", () => {
  it("answers 5xx for the named endpoint only, as many times as asked", async () => {
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(200))
    await fault({ endpoint: "getApplication", kind: "error", status: 503, times: 2 })

    // The client retries GETs: two 503s, then the real answer.
    await expect(client.getApplication(created.uuid)).resolves.toBeTruthy()
    expect((await requests("getApplication")).map((r) => r.status)).toEqual([503, 503, 200])
  })

  it("holds a request without an answer (timeout), after having applied it when asked", async () => {
    const client = clientFor(sandbox, "v2", 200)
    await fault({ endpoint: "createApplication", kind: "timeout", when: "after", times: 1 })
    const input = application(200)

    const error = await rejection(client.createApplication(input))
    expect(error).toMatchObject({ kind: "network", retriable: true })
    // The application exists although the caller saw a timeout: the case a plugin must reconcile.
    expect(sandbox.bank.state.applications.size).toBe(1)
  })

  it("resets the connection before the request takes effect", async () => {
    const client = clientFor(sandbox, "v3")
    await fault({ endpoint: "createApplication", kind: "reset", times: 1 })
    expect(await rejection(client.createApplication(application(200)))).toMatchObject({ kind: "network" })
    expect(sandbox.bank.state.applications.size).toBe(0)
  })

  it("answers malformed JSON", async () => {
    const client = clientFor(sandbox, "v2")
    const { contract } = await client.acceptApplication((await client.createApplication(application(200))).uuid)
    await fault({ endpoint: "getContract", kind: "malformed" })
    expect(await rejection(client.getContract(contract.uuid))).toMatchObject({
      kind: "invalid_response",
      retriable: true,
      inbankMessage: "an answer that is not JSON",
    })
  })

  it("adds latency to one endpoint, and to all with '*'", async () => {
    const client = clientFor(sandbox, "v2")
    await fault({ endpoint: "listProducts", kind: "latency", latencyMs: 120, times: 1 })
    await client.listProducts()
    await client.listProducts()
    const [slow, fast] = await requests("listProducts")
    expect(slow.ms).toBeGreaterThanOrEqual(115)
    expect(fast.ms).toBeLessThan(100)

    await axios.delete(`${sandbox.url}/__sandbox/faults`)
    await fault({ endpoint: "*", kind: "error", status: 500 })
    expect(
      await rejection(client.createCalculation({ productCode: "hire_purchase", amount: 1000, period: 12 })),
    ).toMatchObject({ status: 500 })
  })

  it("refuses an unknown fault kind naming the field", async () => {
    const response = await axios.post(
      `${sandbox.url}/__sandbox/faults`,
      { endpoint: "getContract", kind: "explode" },
      { validateStatus: () => true },
    )
    expect(response.status).toBe(422)
    expect(response.data.error[0]).toMatch(/^kind: /)
  })
})

describe("control API and request log", () => {
  it("switches flow settings at run time and resets to the start settings", async () => {
    const patched = await axios.patch(`${sandbox.url}/__sandbox/settings`, { merchantApproval: true })
    expect(patched.data).toMatchObject({ merchantApproval: true, aisVerification: false, apiKey: "[hidden]" })
    const bad = await axios.patch(
      `${sandbox.url}/__sandbox/settings`,
      { merchantApprovl: true },
      { validateStatus: () => true },
    )
    expect(bad.status).toBe(422)

    await axios.post(`${sandbox.url}/__sandbox/reset`)
    expect((await axios.get(`${sandbox.url}/__sandbox/settings`)).data.merchantApproval).toBe(false)
  })

  it("logs method, path, status and time of every request, never the key or personal data", async () => {
    const client = clientFor(sandbox, "v2")
    const input = application(200)
    await client.createApplication(input)
    const { data } = await axios.get(`${sandbox.url}/__sandbox/requests`)
    expect(data.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        endpoint: "createApplication",
        version: "v2",
        status: 200,
        ms: expect.any(Number),
      }),
    ])
    const text = JSON.stringify(data)
    for (const secret of [
      "test-sandbox-key",
      input.customer.identityCode,
      input.customerIdentification.documentNumber,
      input.customerContact.mobile,
    ]) {
      expect(text).not.toContain(secret)
    }
  })
})
