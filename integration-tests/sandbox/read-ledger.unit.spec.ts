import axios from "axios"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Sandbox } from "inbank-sandbox"
import { ReadLedger } from "../../packages/inbank-sandbox/src/read-ledger"
import { application, callbackListener, clientFor, smsCode, useTestSandbox, waitFor } from "./helpers"

const sandboxNow = useTestSandbox()
let sandbox: Sandbox
let booked: number
beforeEach(() => {
  sandbox = sandboxNow()
  booked = sandbox.earlyReReads.length
})
const newBookings = () => sandbox.earlyReReads.slice(booked)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("read ledger: GETs of one entity within a second with nothing new in between", () => {
  it("books a second GET of an application or a contract within the second", async () => {
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(200))
    await client.getApplication(created.uuid)
    await client.getApplication(created.uuid)
    const { contract } = await client.acceptApplication(created.uuid)
    await client.getContract(contract.uuid)
    await client.getContract(contract.uuid)
    expect(newBookings()).toEqual([
      expect.objectContaining({
        endpoint: "getApplication",
        entity: `application:${created.uuid}`,
        sinceMs: expect.any(Number),
      }),
      expect.objectContaining({ endpoint: "getContract", entity: `contract:${contract.uuid}` }),
    ])
    expect(newBookings().every((b) => b.sinceMs < 1000)).toBe(true)
    // Kept across resets, and served by the control API.
    sandbox.reset()
    const { data } = await axios.get(`${sandbox.url}/__sandbox/early-rereads`)
    expect(data.early_rereads.slice(booked)).toHaveLength(2)
  })

  it("books nothing a second apart, after a write of ours to the entity or its other side, or for another entity", async () => {
    const client = clientFor(sandbox, "v3")
    const form = application(200)
    const created = await client.createApplication(form)
    const other = await client.createApplication(application(200))
    await client.getApplication(created.uuid)
    await client.getApplication(other.uuid)
    const { contract } = await client.acceptApplication(created.uuid)
    await client.getApplication(created.uuid)
    await client.getContract(contract.uuid)
    await client.startContractSigning(contract.uuid, "sms")
    // A write to the contract is news about its application too.
    await client.getApplication(created.uuid)
    await client.getContract(contract.uuid)
    await client.confirmContractSigning(contract.uuid, "000000").catch(() => undefined) // refused: still a write attempt
    await client.getContract(contract.uuid)
    await sleep(1000)
    await client.getContract(contract.uuid)
    await client.confirmContractSigning(contract.uuid, await smsCode(sandbox, form.customerContact.mobile))
    await client.getContract(contract.uuid)
    expect(newBookings()).toEqual([])
  })

  it("a failed GET is no read; a callback sent about the application lets both it and its contract be read again", async () => {
    const listener = await callbackListener()
    try {
      const client = clientFor(sandbox, "v2")
      sandbox.faults.add({
        endpoint: "getApplication",
        kind: "error",
        status: 503,
        latencyMs: 0,
        when: "before",
        times: 1,
      })
      const created = await client.createApplication(application(200, "Kowalski", { callbackUrl: listener.url }))
      await client.getApplication(created.uuid) // 503, then the retry's answer
      const { contract } = await client.acceptApplication(created.uuid)
      await client.getApplication(created.uuid)
      await client.getContract(contract.uuid)
      await client.startContractSigning(contract.uuid, "digital") // signed and activated at once
      await waitFor(() => listener.statuses().includes("ACTIVATED"))
      await client.getApplication(created.uuid)
      await client.getContract(contract.uuid)
      // Inbank's own change (no write of ours): only its callback makes the next reads legitimate.
      sandbox.bank.terminateContract(contract.uuid, "withdrawal")
      await waitFor(() => listener.statuses().includes("TERMINATED"))
      await client.getApplication(created.uuid)
      await client.getContract(contract.uuid)
      expect(newBookings()).toEqual([])
      // Without news, the same reads are booked.
      await client.getApplication(created.uuid)
      expect(newBookings()).toHaveLength(1)
    } finally {
      await listener.close()
    }
  })

  it("a callback counts from its sending until the partner answered it: reads meanwhile are not booked, the same reads later are", async () => {
    let answer!: () => void
    const held = new Promise<void>((resolve) => (answer = resolve))
    let arrived = false
    const server = createServer((req, res) => {
      arrived = true
      req.resume()
      void held.then(() => res.writeHead(200).end())
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      const client = clientFor(sandbox, "v2")
      const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/inbank`
      const created = await client.createApplication(application(200, "Kowalski", { callbackUrl }))
      await waitFor(() => arrived)
      // The decision's callback has left but the partner has not answered it: it may be acting on it.
      await client.getApplication(created.uuid)
      await client.getApplication(created.uuid)
      expect(newBookings()).toEqual([])
      answer()
      await sleep(50)
      await client.getApplication(created.uuid)
      await client.getApplication(created.uuid)
      expect(newBookings()).toEqual([
        expect.objectContaining({ endpoint: "getApplication", entity: `application:${created.uuid}` }),
      ])
    } finally {
      answer()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe("read ledger: answers leaving in another order than their reads arrived", () => {
  const entity = "contract:c"
  function ledgerAt() {
    let now = 0
    const ledger = new ReadLedger(() => now)
    return { ledger, at: (ms: number) => (now = ms) }
  }

  it("judges a slow read by the read that arrived before it, not by one answered before it", () => {
    const { ledger, at } = ledgerAt()
    at(0)
    ledger.read("getContract", entity).done(true)
    at(2_000)
    const slow = ledger.read("getContract", entity)
    at(2_100)
    const write = ledger.write([entity])
    at(2_200)
    write.done(true)
    at(2_300)
    ledger.read("getContract", entity).done(true)
    at(4_000)
    slow.done(true)
    expect(ledger.earlyReReads).toEqual([])
  })

  it("books a read that arrived within the second after a slow one answered later, with nothing in between", () => {
    const { ledger, at } = ledgerAt()
    at(0)
    const slow = ledger.read("getContract", entity)
    at(300)
    ledger.read("getContract", entity).done(true)
    expect(ledger.earlyReReads).toEqual([])
    at(2_000)
    slow.done(true)
    expect(ledger.earlyReReads).toEqual([
      { at: new Date(300).toISOString(), endpoint: "getContract", entity, sinceMs: 300 },
    ])
  })
})
