/** How the shop writes money and rates: Polish conventions through Intl (pl-PL), thousands grouped always. */

const MONEY = new Intl.NumberFormat("pl-PL", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: "always",
} as Intl.NumberFormatOptions)
const PERCENT = new Intl.NumberFormat("pl-PL", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 })

/**
 * "1234.5" or 1234.5 → "1 234,50 zł" (formatted from the decimal string: no floating point on money);
 * "—" when absent.
 */
export function zl(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—"
  return `${MONEY.format(String(amount) as unknown as number)} zł`
}

/** "0.1047" (a yearly rate as a fraction) → "10,47%"; "—" when absent. */
export function percent(rate: string | null | undefined): string {
  return rate ? PERCENT.format(Number(rate)) : "—"
}

/** Text made safe to put into HTML. */
export function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
}
