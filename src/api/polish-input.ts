/**
 * How shoppers in Poland write the form's values, turned into the one form the plugin sends to Inbank
 * and counts the abuse limits by. Each function returns the canonical value when the input is
 * unambiguous, and the input unchanged otherwise, for the validator to refuse. Never throws.
 */

/** A canonical amount in PLN, as plnAmount writes it: up to nine digits and two decimals. */
export const PLN_AMOUNT = /^\d{1,9}\.\d{2}$/

/** Spaces a shopper or a formatter puts between digits: space, no-break space, narrow no-break space. */
const SPACES = /[\s\u00a0\u202f]/g

/** A Polish mobile number: "+48 600 100 200", "0048 600-100-200", "48600100200", "(600) 100 200" → "+48600100200". */
export function polishMobile(input: unknown): unknown {
  if (typeof input !== "string") return input
  const digits = input.replace(SPACES, "").replace(/[-().]/g, "")
  const national = /^(?:\+48|0048|48)?(\d{9})$/.exec(digits)?.[1]
  return national ? `+48${national}` : input.trim()
}

/**
 * An amount in PLN with two decimals: "6 000,50", "6000,5", "6 000 zł", "6000.50", 6000.5 → "6000.50".
 * Thousands may be grouped by spaces only (a dot or comma before three digits could be either
 * separator, so "6.000" and "6,000" stay refused); the decimal separator is a comma or a dot.
 */
export function plnAmount(input: unknown): unknown {
  const text = typeof input === "number" && Number.isFinite(input) ? String(input) : input
  if (typeof text !== "string") return input
  const written = text.trim().replace(/\s*(zł|zl|pln)\.?$/i, "")
  const match = /^(\d+|\d{1,3}(?:[\s\u00a0\u202f]\d{3})+)(?:[.,](\d{1,2}))?$/.exec(written)
  if (!match) return input
  const whole = match[1].replace(SPACES, "").replace(/^0+(?=\d)/, "")
  return `${whole}.${(match[2] ?? "").padEnd(2, "0")}`
}

/** A Polish postal code, always NN-NNN: "30001", "30 001", "30–001" → "30-001". */
export function polishPostalCode(input: unknown): unknown {
  if (typeof input !== "string") return input
  const match = /^(\d{2})[\s\u00a0\-\u2010-\u2013]?(\d{3})$/.exec(input.trim())
  return match ? `${match[1]}-${match[2]}` : input.trim()
}

/**
 * Digits written in groups (a PESEL, an SMS code): "440514 01359", "123 456", "123-456" → without the spaces and
 * dashes.
 */
export function groupedDigits(input: unknown): unknown {
  return typeof input === "string" && /^[\d\s\u00a0\u202f-]+$/.test(input)
    ? input.replace(SPACES, "").replace(/-/g, "")
    : input
}

/**
 * An identity document's number as printed, "abc 123456" → "ABC123456": Polish ID cards and passports have no spaces.
 */
export function documentNumber(input: unknown): unknown {
  return typeof input === "string" ? input.replace(SPACES, "").toUpperCase() : input
}
