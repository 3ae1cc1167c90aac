import nock from "nock"
import { ApiVersion, InbankClient } from ".."
import { camelizeKeys } from "../casing"
import { API_KEY, APP, applicationInput, BASE, CONTRACT, makeClient, PESEL, SHOP } from "./fixtures"

type Casing = "snake" | "camel"

interface EndpointCase {
  name: string
  method: "GET" | "POST" | "PATCH"
  /** Path after /partner/<version>/shops/<shop>/, per dialect. */
  path: Record<ApiVersion, string>
  invoke: (client: InbankClient) => Promise<unknown>
  /** Expected JSON body per dialect; undefined = no body. "multipart" = form upload. */
  body?: Record<ApiVersion, unknown> | "multipart"
  /** Answer as the 2024 reference spells it (snake_case); the camel variant is derived. */
  answer: unknown
  check: (result: any) => void
}

const cases: EndpointCase[] = [
  {
    name: "1 createCalculation",
    method: "POST",
    path: { v2: "calculations", v3: "calculations" },
    invoke: (c) => c.createCalculation({ productCode: "hire_purchase", amount: "2000", period: 6, paymentDay: 5 }),
    body: {
      v2: { product_code: "hire_purchase", amount: "2000.00", period: 6, payment_day: 5 },
      v3: { productCode: "hire_purchase", amount: "2000.00", period: 6, paymentDay: 5 },
    },
    answer: {
      product_code: "hire_purchase",
      amount: 2000,
      period: 6,
      payment_day: 5,
      currency: "PLN",
      payment_amount_monthly: 348.79,
      interest_rate_annual: 0.1,
      credit_cost_rate_annual: 0.1608,
      total_cost: 2092.74,
      total_cost_of_credit: 92.74,
    },
    check: (r) => {
      expect(r).toMatchObject({
        currency: "PLN",
        amount: "2000.00",
        period: 6,
        paymentAmountMonthly: "348.79",
        interestRateAnnual: "0.1",
        creditCostRateAnnual: "0.1608",
        totalCost: "2092.74",
        totalCostOfCredit: "92.74",
      })
    },
  },
  {
    name: "2 listProducts",
    method: "GET",
    path: { v2: "products", v3: "products" },
    invoke: (c) => c.listProducts(),
    answer: {
      products: [
        { code: "hire_purchase", name: "Raty", min_amount: "300.0", max_amount: 20000, min_period: 3, max_period: 48 },
      ],
    },
    check: (r) => {
      expect(r.products).toEqual([
        expect.objectContaining({
          code: "hire_purchase",
          minAmount: "300.00",
          maxAmount: "20000.00",
          minPeriod: 3,
          maxPeriod: 48,
        }),
      ])
    },
  },
  {
    name: "3 createApplication",
    method: "POST",
    path: { v2: "applications", v3: "applications" },
    invoke: (c) => c.createApplication(applicationInput),
    body: {
      v2: {
        credit_application: {
          product_code: "hire_purchase",
          amount: "2400.00",
          period: 12,
          monthly_income: "8765.43",
          monthly_financial_obligations: "100.00",
        },
        customer: { identity_code: PESEL, first_name: "Jan", last_name: "Kowalski" },
        customer_addresses: [{ street: "Marszałkowska 1", city: "Warszawa", zip_code: "00-001", country: "PL" }],
        customer_contact: { mobile: "+48500100200", email: "jan.kowalski@example.com" },
        customer_identification: { document_type: "id_card", document_number: "ABA300000" },
        consents: [{ type: "DATA_PROCESSING", value: true, text: "Zgoda na przetwarzanie danych" }],
        partner_urls: { callback_url: "https://shop.example.com/hooks/inbank" },
      },
      v3: {
        creditApplication: {
          productCode: "hire_purchase",
          amount: "2400.00",
          period: 12,
          monthlyIncome: "8765.43",
          monthlyFinancialObligations: "100.00",
        },
        customer: { identityCode: PESEL, firstName: "Jan", lastName: "Kowalski" },
        customerAddresses: [{ street: "Marszałkowska 1", city: "Warszawa", zipCode: "00-001", country: "PL" }],
        customerContact: { mobile: "+48500100200", email: "jan.kowalski@example.com" },
        customerIdentification: { documentType: "id_card", documentNumber: "ABA300000" },
        consents: [{ type: "DATA_PROCESSING", value: true, text: "Zgoda na przetwarzanie danych" }],
        partnerUrls: { callbackUrl: "https://shop.example.com/hooks/inbank" },
      },
    },
    answer: {
      uuid: APP,
      number: 89002917439,
      status: "pending",
      product_code: "hire_purchase",
      amount: 2400,
      period: 12,
      down_payment_amount: 0,
      payment_day: 15,
      start_date: "2020-12-15",
      end_date: "2021-11-15",
      decision_status: "pending",
      decision_messages: "Decision pending",
      changed_conditions: false,
      previous_uuid: null,
    },
    check: (r) => {
      expect(r).toMatchObject({
        uuid: APP,
        number: "89002917439",
        decisionStatus: "pending",
        decisionMessages: ["Decision pending"],
        changedConditions: false,
        previousUuid: null,
        amount: "2400.00",
        period: 12,
        paymentDay: 15,
      })
    },
  },
  {
    name: "4 startApplicationSigning",
    method: "POST",
    path: { v2: `applications/${APP}/signings`, v3: `applications/${APP}/signings` },
    invoke: (c) => c.startApplicationSigning(APP, "sms"),
    body: { v2: { method: "sms" }, v3: { method: "sms" } },
    answer: { credit_application: { uuid: APP, number: 89001300000, confirmed_at: null } },
    check: (r) => expect(r.creditApplication).toMatchObject({ uuid: APP, number: "89001300000" }),
  },
  {
    name: "5 confirmApplicationSigning",
    method: "PATCH",
    path: { v2: `applications/${APP}/signings`, v3: `applications/${APP}/signings` },
    invoke: (c) => c.confirmApplicationSigning(APP, "012345"),
    body: { v2: { method: "sms", confirmation_code: "012345" }, v3: { method: "sms", confirmationCode: "012345" } },
    answer: {
      signing: { uuid: "f4874353", number: 89001300000, signed_at: "2019-05-22T14:36:22+02:00", method: "sms" },
    },
    check: (r) =>
      expect(r.signing).toMatchObject({ signedAt: "2019-05-22T14:36:22+02:00", method: "sms", number: "89001300000" }),
  },
  {
    name: "6 getApplication",
    method: "GET",
    path: { v2: `applications/${APP}`, v3: `applications/${APP}` },
    invoke: (c) => c.getApplication(APP),
    answer: {
      product: { code: "hire_purchase", name: "Hire-purchase", subtype: "hire_purchase", type: "loan" },
      shop: { name: "Online testshop", type: "online_partner", uuid: SHOP },
      credit_application: {
        uuid: APP,
        number: "89002917222",
        process_status: "offer",
        offer_valid_to: "2020-11-15",
        period: 12,
        amount: "1001.0",
        decision_status: "positive",
        decision_messages: ["Positive decision"],
        monthly_income: "2900.0",
        changed_conditions: false,
        previous_uuid: null,
        confirmed_at: "2020-11-05T13:01:42+02:00",
      },
      purchase: null,
      contract: null,
      payment_schedule: {
        period: 12,
        amount: "1001.0",
        credit_cost_amount_total: "157.84",
        credit_cost_rate_annual: "0.301",
        interest_rate_annual: "0.149",
        payment_amount_monthly: "96.57",
        repayments_amount_total: "1158.84",
        contract_fee_amount_total: "11.0",
        first_payment_date: "2020-12-15",
      },
    },
    check: (r) => {
      expect(r.creditApplication).toMatchObject({
        uuid: APP,
        decisionStatus: "positive",
        processStatus: "offer",
        amount: "1001.00",
        offerValidTo: "2020-11-15",
        decisionMessages: ["Positive decision"],
      })
      expect(r.paymentSchedule).toMatchObject({
        paymentAmountMonthly: "96.57",
        interestRateAnnual: "0.149",
        creditCostRateAnnual: "0.301",
        repaymentsAmountTotal: "1158.84",
        creditCostAmountTotal: "157.84",
        contractFeeAmountTotal: "11.00",
      })
      expect(r.contract).toBeNull()
    },
  },
  {
    name: "7 listBanks",
    method: "GET",
    path: {
      v2: `account_statements/bank_list?application_uuid=${APP}`,
      v3: `account-statements/bank-list?applicationUuid=${APP}`,
    },
    invoke: (c) => c.listBanks(APP),
    answer: {
      bank_list: [{ name: "Sandbox", id: "SANDBOXFINANCE_SFIN0000", icon_url: "https://bank.example/icon.png" }],
    },
    check: (r) =>
      expect(r.bankList).toEqual([
        { name: "Sandbox", id: "SANDBOXFINANCE_SFIN0000", iconUrl: "https://bank.example/icon.png" },
      ]),
  },
  {
    name: "8 initiateRetrieval",
    method: "POST",
    path: { v2: "account_statements/initiate_retrieval", v3: "account-statements/initiate-retrieval" },
    invoke: (c) =>
      c.initiateRetrieval({
        applicationUuid: APP,
        bankId: "SANDBOXFINANCE_SFIN0000",
        locale: "pl",
        returnUrl: "https://shop/back",
      }),
    body: {
      v2: { application_uuid: APP, bank_id: "SANDBOXFINANCE_SFIN0000", locale: "pl", return_url: "https://shop/back" },
      v3: { applicationUuid: APP, bankId: "SANDBOXFINANCE_SFIN0000", locale: "pl", returnUrl: "https://shop/back" },
    },
    answer: { retrieval_id: "b7cfdbc3", redirect_url: "https://ais.example/start" },
    check: (r) => expect(r).toMatchObject({ retrievalId: "b7cfdbc3", redirectUrl: "https://ais.example/start" }),
  },
  {
    name: "9 uploadAttachments",
    method: "POST",
    path: { v2: `applications/${APP}/attachments`, v3: `applications/${APP}/attachments` },
    invoke: (c) =>
      c.uploadAttachments(APP, {
        files: [{ filename: "wyciag.pdf", content: Buffer.from("%PDF-1.4 statement"), contentType: "application/pdf" }],
        description: "Wyciąg z konta",
      }),
    body: "multipart",
    answer: {},
    check: (r) => expect(r).toEqual({}),
  },
  {
    name: "10 acceptApplication",
    method: "POST",
    path: { v2: `applications/${APP}/accept`, v3: `applications/${APP}/accept` },
    invoke: (c) => c.acceptApplication(APP),
    answer: { contract: { uuid: CONTRACT } },
    check: (r) => expect(r.contract.uuid).toBe(CONTRACT),
  },
  {
    name: "11 cancelApplication",
    method: "POST",
    path: { v2: `applications/${APP}/cancel`, v3: `applications/${APP}/cancel` },
    invoke: (c) => c.cancelApplication(APP),
    answer: "",
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    name: "12 getContractPrintout",
    method: "GET",
    path: {
      v2: `contracts/${CONTRACT}/printouts?force_regeneration=true`,
      v3: `contracts/${CONTRACT}/printouts?forceRegeneration=true`,
    },
    invoke: (c) => c.getContractPrintout(CONTRACT, { forceRegeneration: true }),
    answer: { uuid: "8a5951fb", link: "https://test.link.com/attachments/printout/contract_89002917222" },
    check: (r) => expect(r.link).toBe("https://test.link.com/attachments/printout/contract_89002917222"),
  },
  {
    name: "13 startContractSigning",
    method: "POST",
    path: { v2: `contracts/${CONTRACT}/signings`, v3: `contracts/${CONTRACT}/signings` },
    invoke: (c) => c.startContractSigning(CONTRACT, "sms"),
    body: { v2: { method: "sms" }, v3: { method: "sms" } },
    answer: "",
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    name: "14 confirmContractSigning",
    method: "PATCH",
    path: { v2: `contracts/${CONTRACT}/signings`, v3: `contracts/${CONTRACT}/signings` },
    invoke: (c) => c.confirmContractSigning(CONTRACT, "654321"),
    body: { v2: { method: "sms", confirmation_code: "654321" }, v3: { method: "sms", confirmationCode: "654321" } },
    answer: {
      signing: { uuid: "f4874353", number: 89001300000, signed_at: "2019-05-22T14:36:22+02:00", method: "sms" },
    },
    check: (r) => expect(r.signing.signedAt).toBe("2019-05-22T14:36:22+02:00"),
  },
  {
    name: "15 getContract",
    method: "GET",
    path: { v2: `contracts/${CONTRACT}`, v3: `contracts/${CONTRACT}` },
    invoke: (c) => c.getContract(CONTRACT),
    answer: {
      contract: {
        status: "signed",
        termination_reason: null,
        uuid: CONTRACT,
        number: 89001350000,
        payout_account_number: "EE19824845453792774580000000",
        activated_at: null,
        signed_at: "2024-08-02T10:00:00+02:00",
        partner_approval_at: null,
        customer_uuid: "40837f6d",
        identification_satisfied: true,
      },
      process_status: "waiting_for_partners_confirmation",
    },
    check: (r) => {
      expect(r.contract).toMatchObject({
        uuid: CONTRACT,
        status: "signed",
        number: "89001350000",
        signedAt: "2024-08-02T10:00:00+02:00",
        partnerApprovalAt: null,
        identificationSatisfied: true,
      })
      expect(r.processStatus).toBe("waiting_for_partners_confirmation")
    },
  },
  {
    name: "16 approveContract",
    method: "POST",
    path: { v2: `contracts/${CONTRACT}/merchant_approval`, v3: `contracts/${CONTRACT}/merchant-approval` },
    invoke: (c) => c.approveContract(CONTRACT),
    answer: "",
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    name: "17 cancelContract",
    method: "POST",
    path: { v2: `contracts/${CONTRACT}/cancel`, v3: `contracts/${CONTRACT}/cancel` },
    invoke: (c) => c.cancelContract(CONTRACT),
    answer: "",
    check: (r) => expect(r).toBeUndefined(),
  },
]

afterEach(() => {
  nock.cleanAll()
})

const matrix: [string, ApiVersion, Casing][] = []
for (const c of cases) {
  for (const version of ["v2", "v3"] as ApiVersion[]) {
    for (const casing of ["snake", "camel"] as Casing[]) matrix.push([c.name, version, casing])
  }
}

describe("InbankClient endpoints", () => {
  it("covers all 17 endpoints of docs/inbank-api.md", () => {
    expect(cases.map((c) => Number(c.name.split(" ")[0]))).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
  })

  it.each(matrix)("%s in %s with a %s_case answer", async (name, version, casing) => {
    const c = cases.find((x) => x.name === name)!
    const sent: { body?: unknown; headers?: Record<string, string | string[]> } = {}
    const answer = casing === "camel" && typeof c.answer === "object" ? camelizeKeys(c.answer) : c.answer

    nock(BASE)
      .intercept(`/partner/${version}/shops/${SHOP}/${c.path[version]}`, c.method)
      .reply(200, function (_uri, body) {
        sent.body = body
        sent.headers = this.req.headers
        return answer as nock.Body
      })

    const result = await c.invoke(makeClient({ apiVersion: version }))

    expect(nock.isDone()).toBe(true)
    expect(sent.headers?.authorization).toBe(`Bearer ${API_KEY}`)
    if (c.body === "multipart") {
      expect(sent.headers?.["content-type"]).toMatch(/^multipart\/form-data; boundary=/)
      const text = String(sent.body)
      expect(text).toContain('name="attachments[]"; filename="wyciag.pdf"')
      expect(text).toContain("%PDF-1.4 statement")
      expect(text).toMatch(/name="type"\r\n\r\nincome_proof_document/)
      expect(text).toContain("Wyciąg z konta")
    } else {
      expect(sent.headers?.["content-type"]).toBe("application/json")
      if (c.body) expect(sent.body).toEqual(c.body[version])
      else expect(sent.body === "" || sent.body === undefined).toBe(true)
    }
    c.check(result)
  })
})
