import BigNumber from "bignumber.js"

/**
 * Everything a Medusa amount can arrive as: a decimal string, a number, a bignumber.js
 * value, Medusa's BigNumber (its toString() is the exact raw value) or its raw
 * `{ value, precision }` form.
 */
export type DecimalInput = string | number | BigNumber | { value: string } | { toString(): string }

const Decimal = BigNumber.clone({ DECIMAL_PLACES: 20, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })

/** Medusa's raw `{ value, precision }` form of an amount. */
const isRawAmount = (input: DecimalInput): input is { value: string } =>
  typeof input === "object" && input !== null && "value" in input && typeof input.value === "string"

function toDecimal(input: DecimalInput, field: string): BigNumber {
  const source = typeof input === "number" ? input : isRawAmount(input) ? input.value : input.toString()
  const value = new Decimal(source)
  if (!value.isFinite()) {
    throw new RangeError(`${field} must be a decimal number, got ${JSON.stringify(String(source))}`)
  }
  return value
}

/**
 * PLN amount for Inbank: an exact decimal string with two fraction digits ("1234.50").
 * Medusa computes totals at high precision (tax-inclusive prices give 99.995...), so a
 * third fraction digit is rounded half-up to the grosz, never through a float.
 * Sent as a string: the vendor's own application example sends `"amount": "2400"`.
 * @param input PLN as any DecimalInput (decimal string, number, BigNumber, Medusa's raw form).
 * @param field the field's name for the error message.
 * @throws RangeError when `input` is not a finite decimal or is negative.
 */
export function toInbankAmount(input: DecimalInput, field = "amount"): string {
  const value = toDecimal(input, field)
  if (value.isNegative()) {
    throw new RangeError(`${field} must not be negative, got ${value.toFixed()}`)
  }
  return value.toFixed(2, BigNumber.ROUND_HALF_UP)
}

/**
 * Money that Inbank answers with ("1001.0", 348.79) as an exact two-digit decimal string (PLN).
 * @throws RangeError when `input` is not a finite decimal.
 */
export function normalizeMoney(input: string | number, field = "amount"): string {
  return toDecimal(input, field).toFixed(2, BigNumber.ROUND_HALF_UP)
}

/**
 * Rates and other decimals Inbank answers with ("0.149", 0.1608), kept exact and unrounded.
 * @throws RangeError when `input` is not a finite decimal.
 */
export function normalizeDecimal(input: string | number, field = "value"): string {
  return toDecimal(input, field).toFixed()
}
