import { InbankError } from "inbank-partner-api"
import { inbankRefusal } from "../inbank-refusal"

const error = (endpoint: string, details: Partial<InbankError>) =>
  new InbankError({
    kind: "http",
    endpoint,
    retriable: false,
    inbankMessage: "customer 44051401359 uses +48600100200",
    ...details,
  })

describe("what a shopper is told of Inbank's failures", () => {
  it.each([
    [
      "no answer",
      error("createApplication", { kind: "network", status: undefined, retriable: true }),
      503,
      "inbank_unavailable",
      undefined,
    ],
    ["503", error("startContractSigning", { status: 503, retriable: true }), 503, "inbank_unavailable", undefined],
    [
      "the generic 422 to the application",
      error("createApplication", { status: 422 }),
      400,
      "inbank_refused",
      "applicant",
    ],
    ["400 to the application", error("createApplication", { status: 400 }), 400, "inbank_refused", "applicant"],
    ["422 to another step", error("startContractSigning", { status: 422 }), 400, "inbank_step_refused", undefined],
    ["401 (the API key)", error("createApplication", { status: 401 }), 502, "inbank_failed", undefined],
    [
      "an answer of the wrong shape",
      error("getApplication", { kind: "invalid_response", status: undefined }),
      502,
      "inbank_failed",
      undefined,
    ],
  ])("%s → %i %s", (_, failure, status, code, field) => {
    const refusal = inbankRefusal(failure)
    expect({ status: refusal.status, code: refusal.code, field: refusal.options.field }).toEqual({
      status,
      code,
      field,
    })
    expect(JSON.stringify(refusal.text)).not.toMatch(/44051401359|600100200|Inbank \w+ failed/)
  })

  it("tells the applicant refused by Inbank what to check, in Polish and English", () => {
    const { text } = inbankRefusal(error("createApplication", { status: 422 }))
    expect(text).toEqual({
      pl: expect.stringMatching(
        /^Inbank nie przyjął wniosku\. Sprawdź, czy numer telefonu, adres e-mail i numer dokumentu są Twoje/,
      ),
      en: expect.stringMatching(/^Inbank did not accept the application\./),
    })
  })

  it("lets the shopper retry when Inbank did not answer", () => {
    expect(inbankRefusal(error("getApplication", { status: 502, retriable: true })).options.retryAfterSeconds).toBe(5)
  })
})
