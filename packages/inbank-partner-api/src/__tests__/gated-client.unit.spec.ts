import nock from "nock"
import { GatedInbankClient } from "../gated-client"
import { API_KEY, APP, BASE, CONTRACT, SHOP } from "./fixtures"

const path = (rest: string) => `/partner/v2/shops/${SHOP}/${rest}`
const application = (contract: string | null) => ({
  credit_application: { uuid: APP, decision_status: "positive" },
  contract: contract && { uuid: contract },
})
const contract = (status: string) => ({ contract: { uuid: CONTRACT, status } })

describe("GatedInbankClient", () => {
  let clock = 5_000_000
  const client = () =>
    new GatedInbankClient({ apiKey: API_KEY, shopUuid: SHOP, baseUrl: BASE, retryBaseDelayMs: 1 }, { now: () => clock })
  afterEach(() => {
    nock.cleanAll()
    clock += 10_000
  })

  it("reads an application once a second, and at once after our write to it", async () => {
    const inbank = client()
    const scope = nock(BASE)
      .get(path(`applications/${APP}`))
      .times(2)
      .reply(200, application(null))
    nock(BASE)
      .post(path(`applications/${APP}/accept`))
      .reply(200, { contract: { uuid: CONTRACT } })
    await Promise.all([inbank.getApplication(APP), inbank.getApplication(APP)])
    clock += 500
    await inbank.getApplication(APP)
    expect(scope.pendingMocks()).toHaveLength(1)
    clock += 1
    await inbank.acceptApplication(APP)
    await inbank.getApplication(APP)
    expect(scope.isDone()).toBe(true)
  })

  it("a write to the contract marks its application, and a callback about the application its contract", async () => {
    const inbank = client()
    const apps = nock(BASE)
      .get(path(`applications/${APP}`))
      .times(3)
      .reply(200, application(CONTRACT))
    const contracts = nock(BASE)
      .get(path(`contracts/${CONTRACT}`))
      .times(3)
      .reply(200, contract("unsigned"))
    nock(BASE)
      .patch(path(`contracts/${CONTRACT}/signings`))
      .reply(200, { signing: { uuid: CONTRACT } })
    await Promise.all([inbank.getApplication(APP), inbank.getContract(CONTRACT)])
    clock += 1
    await inbank.confirmContractSigning(CONTRACT, "123456")
    await Promise.all([inbank.getApplication(APP), inbank.getContract(CONTRACT)])
    clock += 1
    inbank.noteNews({ applicationUuids: [APP] })
    await Promise.all([inbank.getApplication(APP), inbank.getContract(CONTRACT)])
    expect(apps.isDone()).toBe(true)
    expect(contracts.isDone()).toBe(true)
  })

  it("a failed write marks too (its effect may have happened)", async () => {
    const inbank = client()
    const contracts = nock(BASE)
      .get(path(`contracts/${CONTRACT}`))
      .times(2)
      .reply(200, contract("unsigned"))
    nock(BASE)
      .post(path(`contracts/${CONTRACT}/cancel`))
      .reply(422, { error: ["no"] })
    await inbank.getContract(CONTRACT)
    clock += 1
    await expect(inbank.cancelContract(CONTRACT)).rejects.toThrow()
    await inbank.getContract(CONTRACT)
    expect(contracts.isDone()).toBe(true)
  })

  it("a refused write is news from its sending: a read sent while it was under way is kept, unlike after a write done", async () => {
    const inbank = client()
    const reads = nock(BASE)
      .get(path(`contracts/${CONTRACT}`))
      .times(2)
      .reply(200, contract("signed"))
    const spare = nock(BASE)
      .get(path(`contracts/${CONTRACT}`))
      .reply(200, contract("signed"))
    nock(BASE)
      .patch(path(`contracts/${CONTRACT}/signings`))
      .delay(30)
      .reply(422, { error: ["contract is signed"] })
      .patch(path(`contracts/${CONTRACT}/signings`))
      .delay(30)
      .reply(200, { signing: { uuid: CONTRACT } })

    const refused = inbank.confirmContractSigning(CONTRACT, "123456")
    clock += 1
    await inbank.getContract(CONTRACT)
    clock += 1
    await expect(refused).rejects.toMatchObject({ status: 422 })
    await inbank.getContract(CONTRACT)
    expect(reads.pendingMocks()).toHaveLength(1)

    clock += 1_000
    const done = inbank.confirmContractSigning(CONTRACT, "654321")
    clock += 1
    await inbank.getContract(CONTRACT)
    clock += 1
    await done
    await inbank.getContract(CONTRACT)
    expect(reads.isDone()).toBe(true)
    expect(spare.isDone()).toBe(true)
  })

  it("recentContract: the last news-aware answer within the age asked, without a call", async () => {
    const inbank = client()
    nock(BASE)
      .get(path(`contracts/${CONTRACT}`))
      .reply(200, contract("signed"))
    expect(inbank.recentContract(CONTRACT, 15_000)).toBeUndefined()
    await inbank.getContract(CONTRACT)
    clock += 10_000
    expect(inbank.recentContract(CONTRACT, 15_000)?.contract.status).toBe("signed")
    expect(inbank.recentContract(CONTRACT, 5_000)).toBeUndefined()
    clock += 1
    inbank.noteNews({ contractUuid: CONTRACT })
    expect(inbank.recentContract(CONTRACT, 15_000)).toBeUndefined()
  })

  it("a read retried after a 503 is dated by the retry: news before the retry does not force another read", async () => {
    const inbank = client()
    const scope = nock(BASE)
      .get(path(`applications/${APP}`))
      .reply(() => {
        clock += 1
        inbank.noteNews({ applicationUuids: [APP] }) // a callback arrives while the read is retried
        clock += 1
        return [503, { error: ["busy"] }]
      })
      .get(path(`applications/${APP}`))
      .reply(200, application(null))
    const spare = nock(BASE)
      .get(path(`applications/${APP}`))
      .reply(200, application(null))
    await inbank.getApplication(APP)
    expect(scope.isDone()).toBe(true)
    await inbank.getApplication(APP)
    expect(spare.isDone()).toBe(false)
  })
})
