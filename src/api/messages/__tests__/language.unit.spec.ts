import express from "express"
import type { Request } from "express"
import { PluginHttpError } from "../../http-error"
import { requestLanguage } from "../language"
import { storeRefusal } from "../refusal"

/** An Express request with these headers (and Medusa's resolved locale), as the routes get it. */
function request(headers: Record<string, string>, locale?: string): Request & { locale?: string } {
  const lowered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
  return Object.assign(Object.create(express.request), { headers: lowered, locale })
}

describe("the language of the store API's answers", () => {
  it.each([
    [{}, undefined, "pl"],
    [{ "Accept-Language": "en" }, undefined, "en"],
    [{ "Accept-Language": "en-US,en;q=0.9" }, undefined, "en"],
    [{ "Accept-Language": "en-US,en;q=0.9,pl;q=0.8" }, undefined, "en"],
    [{ "Accept-Language": "pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7" }, undefined, "pl"],
    [{ "Accept-Language": "de-DE,de;q=0.9" }, undefined, "pl"],
    [{ "Accept-Language": "de-DE,en;q=0.5" }, undefined, "en"],
    [{ "Accept-Language": "*" }, undefined, "pl"],
    // The storefront's own choice (Medusa's locale) wins over the browser's languages.
    [{ "Accept-Language": "en-US", "x-medusa-locale": "pl-PL" }, undefined, "pl"],
    [{ "Accept-Language": "pl" }, "en-GB", "en"],
    [{ "Accept-Language": "pl", "x-medusa-locale": "en" }, undefined, "en"],
    [{ "Accept-Language": "en", "x-medusa-locale": "de-DE" }, undefined, "en"],
  ])("headers %j with Medusa's locale %s → %s", (headers, locale, language) => {
    expect(requestLanguage(request(headers, locale))).toBe(language)
  })

  /** What PluginHttpError.send writes for a request with these headers. */
  function sent(error: PluginHttpError, headers: Record<string, string>) {
    const answer: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} }
    const res = {
      req: request(headers),
      setHeader: (name: string, value: string) => (answer.headers[name] = value),
      status: (status: number) => ((answer.status = status), res),
      json: (body: unknown) => (answer.body = body),
    }
    error.send(res as any)
    return answer
  }

  it("answers the same refusal in Polish, or in English to Accept-Language: en", () => {
    const refusal = storeRefusal("too_many_sms", {
      params: { retry: { pl: "za 5 min", en: "in 5 min" } },
      retryAfterSeconds: 290,
    })
    expect(sent(refusal, {})).toEqual({
      status: 429,
      headers: { "Retry-After": "290" },
      body: {
        type: "too_many_requests",
        code: "too_many_sms",
        message: "Wysłano zbyt wiele kodów SMS. Spróbuj ponownie za 5 min.",
        retriable: true,
      },
    })
    expect(sent(refusal, { "Accept-Language": "en" }).body.message).toBe(
      "Too many text message codes were sent. Try again in 5 min.",
    )
  })

  it("writes a form's problems in the request's language too", () => {
    const problems = [
      storeRefusal("invalid_pesel", { field: "applicant.identity_code" }),
      storeRefusal("invalid_phone", { field: "applicant.mobile" }),
    ]
    const refusal = storeRefusal("invalid_pesel", { field: "applicant.identity_code", errors: problems })
    expect(sent(refusal, { "Accept-Language": "en" }).body).toEqual({
      type: "invalid_data",
      code: "invalid_pesel",
      field: "applicant.identity_code",
      message: "Enter a valid PESEL number (11 digits).",
      errors: [
        { code: "invalid_pesel", field: "applicant.identity_code", message: "Enter a valid PESEL number (11 digits)." },
        {
          code: "invalid_phone",
          field: "applicant.mobile",
          message: "Enter a Polish mobile number, e.g. 600 100 200 or +48 600 100 200.",
        },
      ],
    })
  })

  it("leaves a staff error's single text as it is", () => {
    expect(
      sent(new PluginHttpError(403, "json_required", "Staff actions must be sent as JSON"), { "Accept-Language": "pl" })
        .body.message,
    ).toBe("Staff actions must be sent as JSON")
  })
})
