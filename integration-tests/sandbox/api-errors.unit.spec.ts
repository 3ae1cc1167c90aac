import axios from "axios"
import { ApiVersion, dialectFor, InbankClient } from "inbank-partner-api"
import { Sandbox } from "inbank-sandbox"
import { API_KEY, application, clientFor, SHOP, smsCode, useTestSandbox, rejection } from "./helpers"

const sandboxNow = useTestSandbox()
let sandbox: Sandbox
beforeEach(() => {
  sandbox = sandboxNow()
})

const raw = (version: ApiVersion, path: string, body: unknown, key = API_KEY) =>
  axios.post(`${sandbox.url}/partner/${version}/shops/${SHOP}/${path}`, body, {
    headers: { Authorization: `Bearer ${key}` },
    validateStatus: () => true,
  })

describe("authentication and addressing", () => {
  it("answers a wrong or missing API key with the vendor's 401 body", async () => {
    const wrong = await raw("v2", "calculations", {}, "not-the-key")
    expect(wrong.status).toBe(401)
    expect(wrong.data).toEqual({ error: ["unauthorized"] })

    const missing = await axios.get(`${sandbox.url}/partner/v3/shops/${SHOP}/products`, { validateStatus: () => true })
    expect(missing.status).toBe(401)
    expect(missing.data).toEqual({ error: ["unauthorized"] })
  })

  it("answers 404 for an unknown shop, application, contract or path", async () => {
    const otherShop = new InbankClient({
      apiKey: API_KEY,
      shopUuid: "5b0c2e9a-0000-4000-8000-000000000000",
      baseUrl: sandbox.url,
    })
    expect(await rejection(otherShop.listProducts())).toMatchObject({ status: 404, inbankMessage: "shop not found" })

    const client = clientFor(sandbox, "v2")
    expect(await rejection(client.getApplication("9a7c5a4e-0000-4000-8000-000000000000"))).toMatchObject({
      status: 404,
      inbankMessage: "credit application not found",
    })
    expect(await rejection(client.getContract("9a7c5a4e-0000-4000-8000-000000000000"))).toMatchObject({
      status: 404,
      inbankMessage: "contract not found",
    })

    const hyphenOnV2 = await axios.get(`${sandbox.url}/partner/v2/shops/${SHOP}/account-statements/bank-list`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
      validateStatus: () => true,
    })
    expect(hyphenOnV2.status).toBe(404)
  })
})

describe.each<ApiVersion>(["v2", "v3"])("invalid payloads, %s", (version) => {
  const name = (snake: string, camel: string) => (version === "v2" ? snake : camel)

  it("names every missing field of an application, in the dialect's spelling, and creates nothing", async () => {
    const response = await raw(version, "applications", {})
    expect(response.status).toBe(422)
    expect(response.data.error).toEqual(
      expect.arrayContaining([
        `${name("credit_application", "creditApplication")} is missing`,
        "customer is missing",
        `${name("customer_contact", "customerContact")} is missing`,
        `${name("customer_identification", "customerIdentification")} is missing`,
      ]),
    )

    const viaWire = await raw(version, "applications", {
      [name("credit_application", "creditApplication")]: { [name("product_code", "productCode")]: "hire_purchase" },
      customer: { [name("first_name", "firstName")]: "Anna", [name("last_name", "lastName")]: "Nowak" },
      [name("customer_addresses", "customerAddresses")]: [
        { street: "Długa 5", [name("zip_code", "zipCode")]: "80-827", country: "PL" },
      ],
      [name("customer_contact", "customerContact")]: {},
      [name("customer_identification", "customerIdentification")]: {
        [name("document_type", "documentType")]: "id_card",
      },
    })
    expect(viaWire.status).toBe(422)
    expect(viaWire.data.error).toEqual(
      expect.arrayContaining([
        `${name("credit_application.amount", "creditApplication.amount")} is missing`,
        `${name("credit_application.period", "creditApplication.period")} is missing`,
        `${name("customer.identity_code", "customer.identityCode")} is missing`,
        `${name("customer_contact.mobile", "customerContact.mobile")} is missing`,
        `${name("customer_contact.email", "customerContact.email")} is missing`,
        `${name("customer_identification.document_number", "customerIdentification.documentNumber")} is missing`,
      ]),
    )
    const { data } = await axios.get(`${sandbox.url}/__sandbox/requests`, { params: { endpoint: "createApplication" } })
    expect(data.requests.map((r: { status: number }) => r.status)).toEqual([422, 422])
  })

  it("rejects a PESEL with a wrong checksum and an unknown product", async () => {
    const input = application(300)
    const badPesel = await rejection(
      clientFor(sandbox, version).createApplication({
        ...input,
        customer: { ...input.customer, identityCode: "44051401358" },
      }),
    )
    expect(badPesel.inbankMessage).toBe(
      `${name("customer.identity_code", "customer.identityCode")} is not a valid PESEL number`,
    )

    const badProduct = await rejection(
      clientFor(sandbox, version).createApplication({
        ...input,
        creditApplication: { ...input.creditApplication, productCode: "other" },
      }),
    )
    expect(badProduct.inbankMessage).toBe(`${name("product_code", "productCode")} is not a product of this shop`)
  })

  it("ignores keys in the other dialect's casing, as that version's server would", async () => {
    const other = version === "v2" ? "v3" : "v2"
    const body = JSON.parse(JSON.stringify(application(300)))
    const wrongCasing = await raw(version, "applications", dialectFor(other).outgoing(body))
    expect(wrongCasing.status).toBe(422)
  })
})

describe("signing codes", () => {
  it("refuses a wrong SMS code with 422 and voids the code after three wrong tries", async () => {
    const client = clientFor(sandbox, "v2")
    const input = application(200)
    const { contract } = await client.acceptApplication((await client.createApplication(input)).uuid)
    await client.startContractSigning(contract.uuid, "sms")
    const code = await smsCode(sandbox, input.customerContact.mobile)
    const wrong = code === "000000" ? "111111" : "000000"

    expect(await rejection(client.confirmContractSigning(contract.uuid, wrong))).toMatchObject({
      status: 422,
      inbankMessage: "confirmation_code is invalid",
    })
    await rejection(client.confirmContractSigning(contract.uuid, wrong))
    expect((await rejection(client.confirmContractSigning(contract.uuid, wrong))).inbankMessage).toMatch(
      /too many attempts/,
    )
    expect(await rejection(client.confirmContractSigning(contract.uuid, code))).toMatchObject({ status: 422 })

    await client.startContractSigning(contract.uuid, "sms")
    await client.confirmContractSigning(contract.uuid, await smsCode(sandbox, input.customerContact.mobile))
    expect((await client.getContract(contract.uuid)).contract.status).toBe("activated")
  })

  it("shows each code on the Polish SMS inbox page, found by the phone number however it is spelt", async () => {
    sandbox.updateSettings({ applicationSigning: true })
    const client = clientFor(sandbox, "v3")
    const input = application(200)
    const created = await client.createApplication(input)
    await client.startApplicationSigning(created.uuid, "sms")
    const code = await smsCode(sandbox, input.customerContact.mobile)

    const page = await axios.get(`${sandbox.url}/sms`, { params: { phone: input.customerContact.mobile } })
    expect(page.data).toContain(`data-code="${code}"`)
    expect(page.data).toContain(created.number)
    expect(page.data).toContain("<h1>Skrzynka SMS sandboksa Inbank</h1>")
    // The number as a Polish shopper types it: spaced, with or without +48.
    const national = input.customerContact.mobile.replace(/^\+48/, "").replace(/(\d{3})(?=\d)/g, "$1 ")
    for (const typed of [national, `+48 ${national}`]) {
      expect((await axios.get(`${sandbox.url}/sms`, { params: { phone: typed } })).data).toContain(
        `data-code="${code}"`,
      )
    }
    const other = await axios.get(`${sandbox.url}/sms`, { params: { phone: "+48999999999" } })
    expect(other.data).toContain("Brak wiadomości dla tego numeru.")
    expect(other.data).not.toContain("data-code")
    expect((await axios.get(`${sandbox.url}/sms`)).data).toContain("Wpisz numer telefonu podany we wniosku kredytowym.")
  })
})

describe("test environment rules", () => {
  it("refuses one customer's phone for another customer with the generic error", async () => {
    const client = clientFor(sandbox, "v2")
    const first = application(200)
    await client.createApplication(first)
    const second = application(200)
    const error = await rejection(
      client.createApplication({
        ...second,
        customerContact: { ...second.customerContact, mobile: first.customerContact.mobile },
      }),
    )
    expect(error).toMatchObject({ status: 422, inbankMessage: "Error has occurred, contact customer support" })
    // The same customer may come back with new contact data.
    await expect(
      client.createApplication({ ...first, customerContact: { ...first.customerContact, email: "new@example.com" } }),
    ).resolves.toBeTruthy()
  })

  it("calculates an annuity offer exactly, to the grosz", async () => {
    const calc = await clientFor(sandbox, "v2").createCalculation({
      productCode: "hire_purchase",
      amount: "1234.56",
      period: 10,
    })
    expect(calc.currency).toBe("PLN")
    expect(calc.amount).toBe("1234.56")
    // Annuity at 10% a year over 10 months: 129.1848... a month, 1291.848... in all (exact decimal arithmetic).
    expect(calc).toMatchObject({
      interestRateAnnual: "0.1",
      paymentAmountMonthly: "129.18",
      totalCost: "1291.85",
      totalCostOfCredit: "57.29",
      creditCostRateAnnual: "0.1047",
    })
  })
})
