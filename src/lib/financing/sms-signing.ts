/**
 * The SMS step as the shopper sees it: which phone the code went to, how many tries the code has left,
 * whether it is void, and when another may be asked for. Pure: the record's SMS fields and the time in.
 */

/**
 * Wrong tries after which Inbank voids an SMS code; a new signing (a new code) must then be started
 * (docs/inbank-api.md "SMS codes": the vendor answers every refused code with 422 and does not say
 * how many tries remain, so the plugin counts them per code).
 */
export const MAX_CODE_ATTEMPTS = 3

/** The SMS fields of an application record (record-state.ts). */
export interface SmsRecord {
  phone_masked: string | null
  sms_sent_at: Date | string | null
  sms_failed_attempts: number
}

/** What the SMS step shows: `resend_in_seconds` 0 when a code may be asked for now. */
export interface SmsSigningView {
  phone: string | null
  attempts_left: number
  code_void: boolean
  resend_in_seconds: number
}

/**
 * "+48600100200" (the form's normalised mobile) → "+48 *** *** 200": the last three digits only, the
 * rest never stored. A value without nine digits gives null. Never throws.
 */
export function maskPhone(mobile: string): string | null {
  const digits = mobile.replace(/\D/g, "").slice(-9)
  return digits.length === 9 ? `+48 *** *** ${digits.slice(-3)}` : null
}

/** Whether the current code has had MAX_CODE_ATTEMPTS wrong tries (Inbank no longer takes it). */
export function codeVoid(record: SmsRecord): boolean {
  return record.sms_failed_attempts >= MAX_CODE_ATTEMPTS
}

/**
 * Seconds until another code may be sent: `cooldownSeconds` after the last one, but at once when
 * no code was sent yet or the current one is void (the shopper cannot use it any more).
 */
export function resendInSeconds(record: SmsRecord, cooldownSeconds: number, now = Date.now()): number {
  if (!record.sms_sent_at || codeVoid(record)) return 0
  const left = new Date(record.sms_sent_at).getTime() + cooldownSeconds * 1000 - now
  return left > 0 ? Math.ceil(left / 1000) : 0
}

/** The SMS step's view of a record (see SmsSigningView). */
export function smsSigningView(record: SmsRecord, cooldownSeconds: number, now = Date.now()): SmsSigningView {
  return {
    phone: record.phone_masked,
    attempts_left: Math.max(0, MAX_CODE_ATTEMPTS - record.sms_failed_attempts),
    code_void: codeVoid(record),
    resend_in_seconds: resendInSeconds(record, cooldownSeconds, now),
  }
}
