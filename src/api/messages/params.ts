import type { Language, Localized } from "./language"

/** A placeholder's value: the same in every language (a number, a field path), or written per language. */
export type MessageParam = string | number | Localized
export type MessageParams = Record<string, MessageParam>

/** Number and list conventions of each language (British English: "6, 12 or 24", no serial comma). */
const LOCALES = { pl: "pl-PL", en: "en-GB" } as const

/**
 * An amount in PLN as a shopper reads it: `"30000.00"` → "30 000,00 zł" / "PLN 30,000.00". The
 * amount is formatted from its decimal string (no floating point). Throws RangeError for a string
 * that is not a number.
 */
export function pln(amount: string): Localized {
  const format = (language: Language) =>
    new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      amount as unknown as number,
    )
  return { pl: `${format("pl")} zł`, en: `PLN ${format("en")}` }
}

/** Choices joined as an alternative: [6, 12, 24] → "6, 12 lub 24" / "6, 12 or 24". */
export function oneOf(choices: readonly (string | number)[]): Localized {
  const join = (language: Language) =>
    new Intl.ListFormat(LOCALES[language], { type: "disjunction" }).format(choices.map(String))
  return { pl: join("pl"), en: join("en") }
}

/**
 * When to try again, in units rather than words (no plural forms): "za minutę", "za 3 min", "za 24 h" / "in a
 * minute"...
 */
export function retryIn(seconds: number): Localized {
  if (seconds <= 60) return { pl: "za minutę", en: "in a minute" }
  const minutes = Math.ceil(seconds / 60)
  const amount = minutes <= 90 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`
  return { pl: `za ${amount}`, en: `in ${amount}` }
}

/**
 * A catalogue template with its `{name}` placeholders filled in `language`.
 * @throws Error naming the placeholder when `params` lacks one (a catalogue or caller mistake).
 */
export function fillTemplate(template: string, params: MessageParams, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`message parameter {${name}} is missing`)
    return typeof value === "object" ? value[language] : String(value)
  })
}
