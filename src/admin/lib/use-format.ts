import { useTranslation } from "react-i18next"
import { formatDateTime, formatPln, formatRate } from "../../lib/financing/display-format"

/** Money, rates and dates in the admin's language (Intl; "399,00 zł", "10,47%" in Polish). */
export function useFormat() {
  const { i18n } = useTranslation()
  const language = i18n.language ?? "pl"
  return {
    pln: (amount?: string | null) => formatPln(amount, language),
    rate: (rate?: string | null) => formatRate(rate, language),
    dateTime: (value?: string | null) => formatDateTime(value, language),
  }
}
