/**
 * Numbers for people, in their language (`pl` → "399,00 zł", "10,47%"; `en` → "PLN 399.00",
 * "10.47%"), by Intl. Amounts are given as the exact decimal strings the records and Inbank carry and
 * formatted from the string (Intl.NumberFormat accepts decimal strings), so no float touches money.
 */

/** Intl's locale for a UI language code such as "pl", "pl-PL" or "en-US"; anything else English. */
const localeOf = (language: string): string => (language.toLowerCase().startsWith("pl") ? "pl-PL" : "en-GB")

/** Format an amount in PLN ("399.00" → "399,00 zł"); "—" for null or an empty value. */
export function formatPln(amount: string | null | undefined, language: string): string {
  if (amount == null || amount === "") return "—"
  const format = new Intl.NumberFormat(localeOf(language), { style: "currency", currency: "PLN" }) as unknown as {
    format(value: string): string
  }
  return format.format(amount)
}

/** Format a rate Inbank gives as a fraction ("0.1047" → "10,47%"); "—" for null. Not money: a display of a rate. */
export function formatRate(rate: string | null | undefined, language: string): string {
  if (rate == null || rate === "") return "—"
  const format = new Intl.NumberFormat(localeOf(language), {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }) as unknown as {
    format(value: string): string
  }
  return format.format(rate)
}

/** A date and time as people read it in the language ("1.12.2026, 05:16"). "—" for null. */
export function formatDateTime(value: Date | string | null | undefined, language: string): string {
  if (!value) return "—"
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "short", timeStyle: "short" }).format(new Date(value))
}
