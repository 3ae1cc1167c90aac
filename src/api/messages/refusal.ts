import { PluginHttpError } from "../http-error"
import { CATALOGUE, MessageCode } from "./catalogue"
import { LANGUAGES, Localized } from "./language"
import { fillTemplate, MessageParams } from "./params"

export interface RefusalOptions {
  /** The request field it concerns (`applicant.mobile`, `files`...). */
  field?: string
  /** Values of the code's `{name}` placeholders (see params.ts for amounts, choices and waits). */
  params?: MessageParams
  /** Sets `Retry-After` and `retriable: true`. */
  retryAfterSeconds?: number
  /** Every problem of a refused form (the first is this one). */
  errors?: PluginHttpError[]
}

/**
 * The store API's answer for a catalogue code: its status, the code, the field, and its text in every
 * language; the one sent is the language of the request it answers (PluginHttpError.send). Refusals
 * made where no request is at hand (limits, the offer range, an upload cut mid-body) are made the same way.
 * @throws Error when the code's template has a placeholder `params` lacks.
 */
export function storeRefusal(code: MessageCode, options: RefusalOptions = {}): PluginHttpError {
  const { params = {}, ...answer } = options
  const entry = CATALOGUE[code]
  const text = Object.fromEntries(
    LANGUAGES.map((language) => [language, fillTemplate(entry[language], params, language)]),
  ) as Localized
  return new PluginHttpError(entry.status, code, text, answer)
}
