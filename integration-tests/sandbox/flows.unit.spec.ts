import axios from "axios"
import { ApiVersion } from "inbank-partner-api"
import { Sandbox } from "inbank-sandbox"
import { application, clientFor, smsCode, useTestSandbox, rejection, waitFor } from "./helpers"

const sandboxNow = useTestSandbox()
let sandbox: Sandbox
beforeEach(() => {
  sandbox = sandboxNow()
})

describe.each<ApiVersion>(["v2", "v3"])("documented flows through the project's client, %s", (version) => {
  it("standard flow with SMS signing of the application and the contract ends activated", async () => {
    sandbox.updateSettings({ applicationSigning: true })
    const client = clientFor(sandbox, version)
    const input = application("399.00")
    const phone = input.customerContact.mobile

    const created = await client.createApplication(input)
    expect(created.decisionStatus).toBe("pending")

    await client.startApplicationSigning(created.uuid, "sms")
    expect((await client.getApplication(created.uuid)).creditApplication.decisionStatus).toBe("pending")
    await client.confirmApplicationSigning(created.uuid, await smsCode(sandbox, phone))

    const decided = await client.getApplication(created.uuid)
    expect(decided.creditApplication).toMatchObject({
      decisionStatus: "positive",
      processStatus: "offer",
      amount: "399.00",
    })
    expect(decided.paymentSchedule?.paymentAmountMonthly).toMatch(/^\d+\.\d{2}$/)
    expect(decided.creditApplication.confirmedAt).toBeTruthy()

    const { contract } = await client.acceptApplication(created.uuid)
    const printout = await client.getContractPrintout(contract.uuid, { forceRegeneration: true })
    expect((await axios.get(printout.link)).data).toContain("Umowa kredytu ratalnego")

    await client.startContractSigning(contract.uuid, "sms")
    expect((await client.getContract(contract.uuid)).contract.status).toBe("unsigned")
    await client.confirmContractSigning(contract.uuid, await smsCode(sandbox, phone))

    const activated = await client.getContract(contract.uuid)
    expect(activated).toMatchObject({ contract: { status: "activated" }, processStatus: "activated" })
    expect(activated.contract.signedAt).toBeTruthy()
    expect(activated.contract.activatedAt).toBeTruthy()
  })

  it("merchant approval flow waits for the partner, then activates; approving twice is refused", async () => {
    sandbox.updateSettings({ merchantApproval: true })
    const client = clientFor(sandbox, version)
    const created = await client.createApplication(application(15500))
    expect(created.decisionStatus).toBe("positive")

    const { contract } = await client.acceptApplication(created.uuid)
    await client.startContractSigning(contract.uuid, "digital")
    expect(await client.getContract(contract.uuid)).toMatchObject({
      contract: { status: "signed", partnerApprovalAt: null },
      processStatus: "waiting_for_partners_confirmation",
    })

    await client.approveContract(contract.uuid)
    const activated = await client.getContract(contract.uuid)
    expect(activated).toMatchObject({ contract: { status: "activated" }, processStatus: "activated" })
    expect(activated.contract.partnerApprovalAt).toBeTruthy()

    expect(await rejection(client.approveContract(contract.uuid))).toMatchObject({ status: 422 })
  })

  it("income proof flow: upload, new decision, contract signed on paper", async () => {
    const client = clientFor(sandbox, version)
    const created = await client.createApplication(application(450, "Income"))
    expect(created.decisionStatus).toBe("income_proof_required")
    expect(await rejection(client.acceptApplication(created.uuid))).toMatchObject({ status: 422 })

    await client.uploadAttachments(created.uuid, {
      files: [{ filename: "wyciag.pdf", content: Buffer.from("%PDF-1.4"), contentType: "application/pdf" }],
      description: "Wyciąg",
    })
    expect((await client.getApplication(created.uuid)).creditApplication.decisionStatus).toBe("positive")

    const { contract } = await client.acceptApplication(created.uuid)
    await client.startContractSigning(contract.uuid, "paper")
    expect((await client.getContract(contract.uuid)).contract.status).toBe("activated")
  })

  it("income proof through the bank (AIS), then AIS verification after signing", async () => {
    sandbox.updateSettings({ aisVerification: true })
    const client = clientFor(sandbox, version)
    const created = await client.createApplication(application(300, "Income"))

    const { bankList } = await client.listBanks(created.uuid)
    expect(bankList.map((bank) => bank.name)).toContain("mBank")
    const first = await client.initiateRetrieval({
      applicationUuid: created.uuid,
      bankId: bankList[0].id,
      locale: "pl",
      returnUrl: "https://shop.example/return",
    })
    expect((await axios.get(first.redirectUrl!)).data).toContain("Udostępnij dane")
    const back = await axios.post(`${first.redirectUrl}/complete`, null, {
      maxRedirects: 0,
      validateStatus: () => true,
    })
    expect(back.status).toBe(303)
    expect(back.headers.location).toBe(`https://shop.example/return?retrieval_id=${first.retrievalId}&status=completed`)
    expect((await client.getApplication(created.uuid)).creditApplication.decisionStatus).toBe("positive")

    const { contract } = await client.acceptApplication(created.uuid)
    await client.startContractSigning(contract.uuid, "digital")
    expect(await client.getContract(contract.uuid)).toMatchObject({
      contract: { status: "signed", identificationSatisfied: false },
      processStatus: "waiting_for_customer_digital_verification",
    })
    const second = await client.initiateRetrieval({ applicationUuid: created.uuid, bankId: bankList[1].id })
    await axios.post(`${second.redirectUrl}/complete`)
    expect((await client.getContract(contract.uuid)).contract.status).toBe("activated")
  })

  it("negative decision outside the demo's amounts; accepting it is refused", async () => {
    const client = clientFor(sandbox, version)
    const declined = await client.createApplication(application("2400.00"))
    expect(declined.decisionStatus).toBe("negative")
    const error = await rejection(client.acceptApplication(declined.uuid))
    expect(error).toMatchObject({ status: 422, inbankMessage: "credit application decision is negative, not positive" })

    for (const [amount, decision] of [
      ["500.00", "positive"],
      ["500.01", "negative"],
      ["14999.99", "negative"],
      ["16000", "positive"],
      ["16000.01", "negative"],
    ]) {
      expect((await client.createApplication(application(amount))).decisionStatus).toBe(decision)
    }
  })

  it("cancellations: application, unsigned contract, signed contract; an activated one cannot be cancelled, only terminated", async () => {
    sandbox.updateSettings({ merchantApproval: true })
    const client = clientFor(sandbox, version)

    const dropped = await client.createApplication(application(200))
    await client.cancelApplication(dropped.uuid)
    expect(await rejection(client.acceptApplication(dropped.uuid))).toMatchObject({ status: 422 })
    expect(await rejection(client.cancelApplication(dropped.uuid))).toMatchObject({ status: 422 })

    const withContract = await client.createApplication(application(200))
    const unsigned = (await client.acceptApplication(withContract.uuid)).contract
    await client.cancelApplication(withContract.uuid)
    expect((await client.getContract(unsigned.uuid)).contract.status).toBe("cancelled")

    const signed = (await client.acceptApplication((await client.createApplication(application(200))).uuid)).contract
    await client.startContractSigning(signed.uuid, "digital")
    const refused = await client.createApplication(application(200))
    await client.cancelContract(signed.uuid)
    expect(await client.getContract(signed.uuid)).toMatchObject({
      contract: { status: "cancelled" },
      processStatus: "cancelled",
    })
    expect(await rejection(client.approveContract(signed.uuid))).toMatchObject({ status: 422 })
    expect(refused.decisionStatus).toBe("positive")

    sandbox.updateSettings({ merchantApproval: false })
    const active = (await client.acceptApplication(refused.uuid)).contract
    await client.startContractSigning(active.uuid, "digital")
    expect(await rejection(client.cancelContract(active.uuid))).toMatchObject({ status: 422 })
    await axios.post(`${sandbox.url}/__sandbox/contracts/${active.uuid}/terminate`, { reason: "withdrawal" })
    expect((await client.getContract(active.uuid)).contract).toMatchObject({
      status: "terminated",
      terminationReason: "withdrawal",
    })
  })

  it("changed conditions: Inbank answers with a new UUID and the previous one", async () => {
    const client = clientFor(sandbox, version)
    const input = application(1000, "Changed")
    const created = await client.createApplication(input)
    expect(created).toMatchObject({ changedConditions: true, decisionStatus: "positive" })
    expect(created.previousUuid).toBeTruthy()
    expect(created.uuid).not.toBe(created.previousUuid)

    const viaOld = await client.getApplication(created.previousUuid!)
    expect(viaOld.creditApplication).toMatchObject({
      uuid: created.uuid,
      previousUuid: created.previousUuid,
      changedConditions: true,
    })
  })
})

describe("decision hooks", () => {
  it("keeps a 'Pending1' applicant pending for a second, then decides", async () => {
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(100, "Pending1"))
    expect(created.decisionStatus).toBe("pending")
    const decided = await waitFor(async () => {
      const { creditApplication } = await client.getApplication(created.uuid)
      return creditApplication.decisionStatus !== "pending" ? creditApplication.decisionStatus : undefined
    })
    expect(decided).toBe("positive")
  })

  it.each([
    ["Failed", "failed"],
    ["Manual", "manual"],
    ["ManualNegative", "manual_negative"],
    ["Negative", "negative"],
    ["Positive", "positive"],
  ])("last name %s gives %s whatever the amount", async (lastName, decision) => {
    const created = await clientFor(sandbox, "v3").createApplication(application(5000, lastName))
    expect(created.decisionStatus).toBe(decision)
  })

  it("lets the control API decide a manual review", async () => {
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(5000, "Manual"))
    await axios.post(`${sandbox.url}/__sandbox/applications/${created.uuid}/decision`, { decisionStatus: "positive" })
    expect((await client.getApplication(created.uuid)).creditApplication.decisionStatus).toBe("positive")
  })

  it("decides after decisionDelayMs when set", async () => {
    sandbox.updateSettings({ decisionDelayMs: 150 })
    const client = clientFor(sandbox, "v2")
    const created = await client.createApplication(application(100))
    expect(created.decisionStatus).toBe("pending")
    await waitFor(
      async () => (await client.getApplication(created.uuid)).creditApplication.decisionStatus === "positive",
    )
  })
})
