import { StoreInbankApplication, StoreInbankSigningConfirm } from "../../store/carts/[id]/inbank/validators"
import { formRefusal } from "../form-refusal"

const form = () => ({
  period: 12,
  applicant: {
    identity_code: "44051401359",
    first_name: "Zofia",
    last_name: "Wiśniewska",
    document_type: "id_card",
    document_number: "ZXC500001",
    mobile: "+48501200001",
    email: "zofia@example.com",
    address: { street: "Słoneczna", house_number: "12A", city: "Kraków", postal_code: "30-001", country_code: "pl" },
    monthly_income: "7345.67",
    monthly_obligations: "250",
  },
  consents: [{ type: "DATA_PROCESSING", value: true, text: "Wyrażam zgodę." }],
})
type Form = ReturnType<typeof form> & Record<string, any>

/** The answer's code, field and Polish message for a spoilt form. */
function refused(spoil: (f: Form) => void) {
  const body: Form = form()
  spoil(body)
  const result = StoreInbankApplication.safeParse(body)
  if (result.success) throw new Error("the form was accepted")
  const refusal = formRefusal(result.error.issues, body)
  return {
    code: refusal.code,
    field: refusal.options.field,
    message: refusal.message,
    errors: refusal.options.errors!.map((e) => [e.code, e.options.field]),
  }
}

describe("store form refusals", () => {
  it.each([
    [
      "invalid_pesel",
      "applicant.identity_code",
      (f: Form) => (f.applicant.identity_code = "44051401358"),
      "Podaj prawidłowy numer PESEL (11 cyfr).",
    ],
    [
      "invalid_phone",
      "applicant.mobile",
      (f: Form) => (f.applicant.mobile = "+49 600 100 200"),
      /^Podaj polski numer telefonu komórkowego/,
    ],
    ["invalid_email", "applicant.email", (f: Form) => (f.applicant.email = "zofia@"), "Podaj prawidłowy adres e-mail."],
    [
      "invalid_postal_code",
      "applicant.address.postal_code",
      (f: Form) => (f.applicant.address.postal_code = "300-01"),
      "Podaj kod pocztowy w formacie 00-000.",
    ],
    [
      "invalid_country",
      "applicant.address.country_code",
      (f: Form) => (f.applicant.address.country_code = "de"),
      /tylko dla adresów w Polsce/,
    ],
    [
      "invalid_amount",
      "applicant.monthly_income",
      (f: Form) => (f.applicant.monthly_income = "6.000"),
      "Pole „Miesięczny dochód netto”: podaj kwotę w złotych, np. 4500 lub 4 500,50.",
    ],
    [
      "invalid_amount",
      "applicant.monthly_obligations",
      (f: Form) => (f.applicant.monthly_obligations = "dużo"),
      /^Pole „Miesięczne raty i zobowiązania”/,
    ],
    ["invalid_period", "period", (f: Form) => (f.period = 12.5), "Podaj okres spłaty jako liczbę miesięcy."],
    ["invalid_period", "period", (f: Form) => (f.period = "12" as any), "Podaj okres spłaty jako liczbę miesięcy."],
    [
      "required",
      "applicant.monthly_income",
      (f: Form) => delete f.applicant.monthly_income,
      "Pole „Miesięczny dochód netto” jest wymagane.",
    ],
    ["required", "applicant.first_name", (f: Form) => (f.applicant.first_name = "   "), "Pole „Imię” jest wymagane."],
    ["required", "applicant", (f: Form) => delete f.applicant, "Pole „Dane wnioskodawcy” jest wymagane."],
    [
      "too_long",
      "applicant.last_name",
      (f: Form) => (f.applicant.last_name = "W".repeat(101)),
      "Pole „Nazwisko” może mieć najwyżej 100 znaków.",
    ],
    [
      "invalid_choice",
      "applicant.document_type",
      (f: Form) => (f.applicant.document_type = "driving_licence"),
      "Pole „Rodzaj dokumentu”: wybierz id_card lub passport.",
    ],
    ["consent_required", "consents", (f: Form) => (f.consents = []), "Zaznacz wymagane zgody, aby złożyć wniosek."],
    [
      "invalid_value",
      "consents.0.value",
      (f: Form) => (f.consents[0].value = "tak" as any),
      "Pole „Zgoda” ma nieprawidłową wartość.",
    ],
    [
      "unknown_field",
      "applicant",
      (f: Form) => (f.applicant.pesel_again = "44051401359"),
      "Formularz zawiera pola, których sklep nie zna.",
    ],
    ["unknown_field", "body", (f: Form) => (f["44051401359"] = true), "Formularz zawiera pola, których sklep nie zna."],
  ])("%s (%s)", (code, field, spoil, message) => {
    const answer = refused(spoil)
    expect(answer).toMatchObject({ code, field })
    expect(answer.message).toMatch(message)
    expect(JSON.stringify(answer)).not.toMatch(/44051401359|49 600|300-01|6\.000|dużo|driving|W{101}/)
  })

  it("lists one problem per field, the first one being the answer's", () => {
    const answer = refused((f) => {
      f.applicant.identity_code = "123"
      f.applicant.mobile = "123"
      f.applicant.address.postal_code = "1"
    })
    expect(answer.errors).toEqual([
      ["invalid_pesel", "applicant.identity_code"],
      ["invalid_phone", "applicant.mobile"],
      ["invalid_postal_code", "applicant.address.postal_code"],
    ])
  })

  it("accepts Polish spellings and gives the canonical values", () => {
    const body = form()
    Object.assign(body.applicant, {
      identity_code: "440514 01359",
      mobile: "+48 600 100 200",
      document_number: "zxc 500001",
      monthly_income: "6 000,50",
      monthly_obligations: "250 zł",
    })
    body.applicant.address.postal_code = "30 001"
    const parsed = StoreInbankApplication.parse(body)
    expect(parsed.applicant).toMatchObject({
      identity_code: "44051401359",
      mobile: "+48600100200",
      document_number: "ZXC500001",
      monthly_income: "6000.50",
      monthly_obligations: "250.00",
      address: { postal_code: "30-001" },
    })
    const { monthly_obligations: _, ...withoutObligations } = body.applicant
    expect(StoreInbankApplication.parse({ ...body, applicant: withoutObligations }).applicant.monthly_obligations).toBe(
      "0.00",
    )
  })

  it("names the SMS code's mistake, and takes a code written in groups", () => {
    const body = { subject: "contract", code: "12a4" }
    expect(formRefusal(StoreInbankSigningConfirm.safeParse(body).error!.issues, body)).toMatchObject({
      code: "invalid_sms_code",
      options: { field: "code" },
    })
    expect(StoreInbankSigningConfirm.parse({ subject: "contract", code: "123 456" }).code).toBe("123456")
  })
})
