import type { Request } from "express"

/** The languages the store API answers shoppers in; Polish first: the plugin serves Polish stores. */
export const LANGUAGES = ["pl", "en"] as const
export type Language = (typeof LANGUAGES)[number]

/** A text in every language the store API answers in. */
export type Localized = Record<Language, string>

/** Medusa's locale header (its `applyLocale` middleware reads it into `req.locale` for `/store` routes). */
const MEDUSA_LOCALE_HEADER = "x-medusa-locale"

/**
 * The language to answer a shopper's request in:
 * 1. Medusa's locale, when it is Polish or English: the storefront's own choice (`?locale=` or the
 *    `x-medusa-locale` header the js-sdk's `setLocale` sends; read from the header on routes outside `/store`);
 * 2. else the best of Polish and English by `Accept-Language` (its q-values; none given: Polish);
 * 3. else Polish.
 * Never throws.
 */
export function requestLanguage(req: Pick<Request, "get" | "acceptsLanguages"> & { locale?: string }): Language {
  const locale = (req.locale ?? req.get(MEDUSA_LOCALE_HEADER) ?? "").toLowerCase().split("-")[0]
  if (isLanguage(locale)) return locale
  const accepted = req.acceptsLanguages([...LANGUAGES])
  return accepted && isLanguage(accepted) ? accepted : "pl"
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value)
}
