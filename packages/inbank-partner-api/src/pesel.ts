const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]

/** PESEL, the Polish identity code Inbank asks for: 11 digits, the last one a checksum. */
export function isValidPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0)
  return (10 - (sum % 10)) % 10 === Number(value[10])
}
