import type { InbankError } from "inbank-partner-api"
import type { PluginHttpError } from "../http-error"
import { storeRefusal } from "./refusal"

/** A shopper's retry after Inbank did not answer: a few seconds. */
const RETRY_AFTER_SECONDS = 5

/**
 * What a shopper is told when Inbank fails or refuses a step, never in Inbank's words (its text may
 * carry the applicant's data, and it is English for developers):
 * - no answer, 429 or 5xx (`retriable`) → 503 `inbank_unavailable` with Retry-After;
 * - 400/422 to the application (Inbank's generic "Error has occurred, contact customer support", e.g.
 *   a phone, e-mail or document another customer uses) → 400 `inbank_refused`, field `applicant`;
 * - 400/422 to any other step (a transition Inbank does not allow now) → 400 `inbank_step_refused`;
 * - anything else (a rejected API key, an unknown application, an answer of the wrong shape) → 502 `inbank_failed`.
 */
export function inbankRefusal(error: InbankError): PluginHttpError {
  if (error.retriable) return storeRefusal("inbank_unavailable", { retryAfterSeconds: RETRY_AFTER_SECONDS })
  if (error.status === 400 || error.status === 422) {
    return error.endpoint === "createApplication"
      ? storeRefusal("inbank_refused", { field: "applicant" })
      : storeRefusal("inbank_step_refused")
  }
  return storeRefusal("inbank_failed")
}
