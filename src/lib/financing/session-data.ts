/**
 * What the payment session (and later the payment) stores for Inbank. The storefront can read
 * it, so it holds identifiers and flags only: never the applicant's personal data.
 */
export interface InbankSessionData {
  application_uuid: string
  application_number?: string | null
  previous_uuids?: string[]
  contract_uuid?: string | null
  /** The contract's signing was started (an SMS code sent): do not start it again on retry. */
  contract_signing_started?: boolean
}

/**
 * The Inbank fields of a payment session's data, or null when it names no application (a session
 * not made by the application route). Unknown fields are dropped.
 */
export function readSessionData(data: Record<string, unknown> | undefined): InbankSessionData | null {
  const uuid = data?.application_uuid
  if (typeof uuid !== "string" || !uuid) return null
  return {
    application_uuid: uuid,
    application_number: typeof data?.application_number === "string" ? data.application_number : null,
    previous_uuids: Array.isArray(data?.previous_uuids) ? (data.previous_uuids as string[]) : [],
    contract_uuid: typeof data?.contract_uuid === "string" ? data.contract_uuid : null,
    contract_signing_started: data?.contract_signing_started === true,
  }
}

/** Adopts the UUID Inbank answers with (changed conditions) and keeps the ones it replaced. */
export function adoptApplicationUuid(data: InbankSessionData, answeredUuid: string): InbankSessionData {
  if (answeredUuid === data.application_uuid) return data
  return {
    ...data,
    application_uuid: answeredUuid,
    previous_uuids: [...(data.previous_uuids ?? []), data.application_uuid],
  }
}
