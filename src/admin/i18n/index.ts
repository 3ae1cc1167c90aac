import en from "./en.json"
import pl from "./pl.json"

export default {
  en: { translation: en },
  pl: { translation: pl },
}
