import type { Localized } from "./language"

/** The store forms' fields as a shopper knows them, by path (array positions as `*`). */
const LABELS: Record<string, Localized> = {
  period: { pl: "Okres spłaty", en: "Repayment period" },
  applicant: { pl: "Dane wnioskodawcy", en: "Applicant's details" },
  "applicant.identity_code": { pl: "PESEL", en: "PESEL" },
  "applicant.first_name": { pl: "Imię", en: "First name" },
  "applicant.last_name": { pl: "Nazwisko", en: "Last name" },
  "applicant.document_type": { pl: "Rodzaj dokumentu", en: "Document type" },
  "applicant.document_number": { pl: "Numer dokumentu", en: "Document number" },
  "applicant.mobile": { pl: "Telefon komórkowy", en: "Mobile phone" },
  "applicant.email": { pl: "E-mail", en: "E-mail" },
  "applicant.address": { pl: "Adres", en: "Address" },
  "applicant.address.street": { pl: "Ulica", en: "Street" },
  "applicant.address.house_number": { pl: "Numer domu", en: "House number" },
  "applicant.address.apartment_number": { pl: "Numer mieszkania", en: "Apartment number" },
  "applicant.address.city": { pl: "Miejscowość", en: "City" },
  "applicant.address.postal_code": { pl: "Kod pocztowy", en: "Postal code" },
  "applicant.address.country_code": { pl: "Kraj", en: "Country" },
  "applicant.monthly_income": { pl: "Miesięczny dochód netto", en: "Monthly net income" },
  "applicant.monthly_obligations": {
    pl: "Miesięczne raty i zobowiązania",
    en: "Monthly loan repayments and obligations",
  },
  consents: { pl: "Zgody", en: "Consents" },
  "consents.*.type": { pl: "Rodzaj zgody", en: "Consent type" },
  "consents.*.value": { pl: "Zgoda", en: "Consent" },
  "consents.*.text": { pl: "Treść zgody", en: "Consent text" },
  subject: { pl: "Podpisywany dokument", en: "Document to sign" },
  code: { pl: "Kod SMS", en: "SMS code" },
  bank_id: { pl: "Bank", en: "Bank" },
  return_url: { pl: "Adres powrotu", en: "Return address" },
  amount: { pl: "Kwota", en: "Amount" },
}

/**
 * A form field's name for a shopper (`applicant.mobile` → "Telefon komórkowy"); a field the forms do
 * not have is named by its path. Never throws.
 */
export function fieldLabel(path: string): Localized {
  return LABELS[path.replace(/\.\d+(?=\.|$)/g, ".*")] ?? { pl: path, en: path }
}
