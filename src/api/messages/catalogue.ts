import type { Localized } from "./language"

interface CatalogueEntry extends Localized {
  /** The HTTP status this refusal is answered with. */
  status: 400 | 404 | 409 | 413 | 429 | 502 | 503
}

/**
 * Every refusal of the store API (`/store/carts/:id/inbank/*`, `/inbank-offers`, and Medusa's session
 * route for Inbank): its stable `code`, its status and its text for the shopper in Polish and English,
 * with `{name}` placeholders (see params.ts). Texts never carry a submitted value: `{field}` is the
 * field's name, amounts are the store's own limits.
 */
export const CATALOGUE = {
  // The form: one code per kind of mistake, with the field in the answer's `field`.
  required: { status: 400, pl: "Pole „{field}” jest wymagane.", en: "{field} is required." },
  too_long: {
    status: 400,
    pl: "Pole „{field}” może mieć najwyżej {max} znaków.",
    en: "{field} can be at most {max} characters long.",
  },
  invalid_value: { status: 400, pl: "Pole „{field}” ma nieprawidłową wartość.", en: "{field} has an invalid value." },
  invalid_choice: { status: 400, pl: "Pole „{field}”: wybierz {options}.", en: "{field}: choose {options}." },
  unknown_field: {
    status: 400,
    pl: "Formularz zawiera pola, których sklep nie zna.",
    en: "The form has fields the store does not know.",
  },
  invalid_pesel: {
    status: 400,
    pl: "Podaj prawidłowy numer PESEL (11 cyfr).",
    en: "Enter a valid PESEL number (11 digits).",
  },
  invalid_phone: {
    status: 400,
    pl: "Podaj polski numer telefonu komórkowego, np. 600 100 200 lub +48 600 100 200.",
    en: "Enter a Polish mobile number, e.g. 600 100 200 or +48 600 100 200.",
  },
  invalid_email: { status: 400, pl: "Podaj prawidłowy adres e-mail.", en: "Enter a valid e-mail address." },
  invalid_postal_code: {
    status: 400,
    pl: "Podaj kod pocztowy w formacie 00-000.",
    en: "Enter the postal code as 00-000.",
  },
  invalid_country: {
    status: 400,
    pl: "Raty Inbank są dostępne tylko dla adresów w Polsce.",
    en: "Inbank instalments are available for addresses in Poland only.",
  },
  invalid_amount: {
    status: 400,
    pl: "Pole „{field}”: podaj kwotę w złotych, np. 4500 lub 4 500,50.",
    en: "{field}: enter an amount in PLN, e.g. 4500 or 4,500.50.",
  },
  invalid_period: {
    status: 400,
    pl: "Podaj okres spłaty jako liczbę miesięcy.",
    en: "Enter the repayment period as a number of months.",
  },
  invalid_sms_code: {
    status: 400,
    pl: "Wpisz kod z SMS-a (same cyfry).",
    en: "Enter the code from the text message (digits only).",
  },
  invalid_return_url: {
    status: 400,
    pl: "Adres powrotu z banku musi prowadzić do strony sklepu.",
    en: "The address to return to from the bank must be a page of the store.",
  },
  consent_required: {
    status: 400,
    pl: "Zaznacz wymagane zgody, aby złożyć wniosek.",
    en: "Accept the required consents to apply.",
  },

  // The cart and the application.
  cart_not_found: { status: 404, pl: "Nie znaleziono koszyka.", en: "The cart was not found." },
  cart_completed: {
    status: 400,
    pl: "Zamówienie z tego koszyka zostało już złożone.",
    en: "This cart has already been ordered.",
  },
  currency_not_supported: {
    status: 400,
    pl: "Raty Inbank są dostępne tylko dla zakupów w złotych (PLN).",
    en: "Inbank instalments are available for purchases in PLN only.",
  },
  region_without_inbank: {
    status: 400,
    pl: "Raty Inbank nie są dostępne w tym regionie sklepu.",
    en: "Inbank instalments are not offered in this store region.",
  },
  amount_below_minimum: {
    status: 400,
    pl: "Raty Inbank są dostępne dla zakupów od {min}.",
    en: "Inbank instalments are available for purchases from {min}.",
  },
  amount_above_maximum: {
    status: 400,
    pl: "Raty Inbank są dostępne dla zakupów do {max}.",
    en: "Inbank instalments are available for purchases up to {max}.",
  },
  period_not_offered: {
    status: 400,
    pl: "Wybierz okres spłaty: {choices} mies.",
    en: "Choose a repayment period of {choices} months.",
  },
  application_not_found: {
    status: 404,
    pl: "Ten koszyk nie ma wniosku o raty Inbank.",
    en: "This cart has no Inbank application.",
  },
  contract_signed: {
    status: 409,
    pl: "Umowa ratalna dla tego koszyka jest już podpisana. Złóż zamówienie, aby ją wykorzystać.",
    en: "The instalment contract for this cart is already signed. Place the order to use it.",
  },
  application_in_progress: {
    status: 409,
    pl: "Wniosek dla tego koszyka jest już wysyłany. Poczekaj na jego wynik.",
    en: "The application for this cart is being sent. Wait for its result.",
  },
  application_not_recorded: {
    status: 503,
    pl: "Sklep nie mógł zapisać wniosku, więc go wycofał. Spróbuj ponownie za chwilę.",
    en: "The store could not save the application, so it withdrew it. Try again in a moment.",
  },
  no_offer: {
    status: 400,
    pl: "Nie ma jeszcze oferty do zaakceptowania. Sprawdź stan wniosku i wykonaj wskazany krok.",
    en: "There is no offer to accept yet. Check the application's state and take the step it shows.",
  },
  no_contract: {
    status: 400,
    pl: "Umowa nie jest jeszcze gotowa do podpisu: najpierw zaakceptuj ofertę.",
    en: "There is no contract to sign yet: accept the offer first.",
  },
  contract_not_awaiting_signature: {
    status: 400,
    pl: "Ta umowa nie czeka na podpis.",
    en: "This contract is not waiting for a signature.",
  },
  sms_code_refused: {
    status: 400,
    pl: "Nieprawidłowy kod SMS. Sprawdź wiadomość i spróbuj ponownie.",
    en: "The code is not right. Check the text message and try again.",
  },

  // Abuse limits (with Retry-After).
  too_many_applications: {
    status: 429,
    pl: "Złożono zbyt wiele wniosków o kredyt. Spróbuj ponownie {retry}.",
    en: "Too many credit applications. Try again {retry}.",
  },
  too_many_sms: {
    status: 429,
    pl: "Wysłano zbyt wiele kodów SMS. Spróbuj ponownie {retry}.",
    en: "Too many text message codes were sent. Try again {retry}.",
  },
  too_many_code_attempts: {
    status: 429,
    pl: "Zbyt wiele prób wpisania kodu SMS. Spróbuj ponownie {retry}.",
    en: "Too many attempts at the code. Try again {retry}.",
  },
  offers_client_limit: {
    status: 429,
    pl: "Zbyt wiele zapytań o raty dla nowych kwot. Spróbuj ponownie za chwilę.",
    en: "Too many instalment queries for new amounts. Try again in a moment.",
  },
  offers_busy: {
    status: 503,
    pl: "Kalkulator rat jest chwilowo przeciążony. Spróbuj ponownie za chwilę.",
    en: "The instalment calculator is busy. Try again in a moment.",
  },

  // Income-proof uploads.
  income_proof_not_required: {
    status: 409,
    pl: "Ten wniosek nie wymaga teraz potwierdzenia dochodów.",
    en: "This application does not need a proof of income now.",
  },
  upload_in_progress: {
    status: 409,
    pl: "Pliki do tego wniosku są już przesyłane. Poczekaj na zakończenie poprzedniego przesyłania.",
    en: "Files for this application are already being uploaded. Wait for that upload to finish.",
  },
  too_many_uploads: {
    status: 503,
    pl: "Serwer przyjmuje teraz inne pliki. Spróbuj ponownie za chwilę.",
    en: "The server is receiving other files. Try again in a moment.",
  },
  file_too_large: {
    status: 413,
    pl: "Każdy plik może mieć najwyżej {maxMb} MB.",
    en: "Each file can be at most {maxMb} MB.",
  },
  request_too_large: {
    status: 413,
    pl: "Można przesłać najwyżej {maxFiles} plików po {maxMb} MB.",
    en: "Send at most {maxFiles} files of {maxMb} MB each.",
  },
  too_many_files: {
    status: 413,
    pl: "Można przesłać najwyżej {maxFiles} plików.",
    en: "Send at most {maxFiles} files.",
  },
  unexpected_field: { status: 400, pl: "Pliki prześlij w polu „files”.", en: 'Send the files in the field "files".' },
  invalid_upload: {
    status: 400,
    pl: "Nie udało się odczytać przesłanych plików.",
    en: "The files sent could not be read.",
  },
  files_required: {
    status: 400,
    pl: "Dołącz co najmniej jeden dokument: PDF, JPG lub PNG.",
    en: "Attach at least one document: PDF, JPG or PNG.",
  },
  unsupported_file_type: {
    status: 400,
    pl: "Każdy plik musi być dokumentem PDF, JPG lub PNG.",
    en: "Each file must be a PDF, JPG or PNG document.",
  },
  upload_timeout: {
    status: 400,
    pl: "Przesyłanie plików trwało zbyt długo. Sprawdź połączenie i spróbuj ponownie.",
    en: "Sending the files took too long. Check your connection and try again.",
  },

  // Inbank's answers, never in Inbank's own words (they may carry the applicant's data).
  inbank_unavailable: {
    status: 503,
    pl: "Inbank chwilowo nie odpowiada. Spróbuj ponownie za chwilę.",
    en: "Inbank is not answering right now. Try again in a moment.",
  },
  inbank_refused: {
    status: 400,
    pl:
      "Inbank nie przyjął wniosku. Sprawdź, czy numer telefonu, adres e-mail i numer dokumentu są Twoje: " +
      "Inbank odrzuca dane, których używa już inna osoba. Jeśli wszystko się zgadza, wybierz inną metodę płatności lub skontaktuj się ze sklepem.",
    en:
      "Inbank did not accept the application. Check that the phone number, e-mail address and document number are your own: " +
      "Inbank refuses details another person already uses. If they are right, choose another payment method or contact the store.",
  },
  inbank_step_refused: {
    status: 400,
    pl: "Inbank nie pozwala teraz na ten krok. Odśwież stan wniosku i wykonaj wskazany krok.",
    en: "Inbank does not allow this step now. Refresh the application's state and take the step it shows.",
  },
  inbank_failed: {
    status: 502,
    pl: "Raty Inbank chwilowo nie działają. Wybierz inną metodę płatności lub skontaktuj się ze sklepem.",
    en: "Inbank instalments are not working right now. Choose another payment method or contact the store.",
  },
  inbank_session_from_application_route: {
    status: 400,
    pl: "Płatność ratalną Inbank rozpoczyna się wnioskiem kredytowym: POST /store/carts/:id/inbank/application",
    en: "An Inbank instalment payment starts with a credit application: POST /store/carts/:id/inbank/application",
  },
} as const satisfies Record<string, CatalogueEntry>

export type MessageCode = keyof typeof CATALOGUE

/** Whether `code` is one of the catalogue's (form validators name their codes in zod's `error`). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code)
}
