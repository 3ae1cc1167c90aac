/**
 * Whether `code` can be a Polish applicant's identity code. The vendor documents apply to partners
 * in Poland only and ask for the customer's "identity code" (partner API reference 2024-07-19,
 * POST /applications, `customer.identity_code`); in Poland that is the PESEL number: 11 digits, the
 * last a check digit over the first ten with weights 1 3 7 9 1 3 7 9 1 3 (ustawa o ewidencji
 * ludności, art. 15). The reference's own example "38808050001" fails that check digit; the
 * sandbox keeps the check, as a real registry lookup would refuse a made-up number.
 */
export function isPeselNumber(code: string): boolean {
  if (!/^[0-9]{11}$/.test(code)) return false
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
  let sum = 0
  weights.forEach((weight, index) => (sum += weight * Number(code[index])))
  return (10 - (sum % 10)) % 10 === Number(code[10])
}
