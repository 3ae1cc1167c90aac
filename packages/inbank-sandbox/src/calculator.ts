import BigNumber from "bignumber.js"

const Decimal = BigNumber.clone({ DECIMAL_PLACES: 30, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })

export interface Schedule {
  amount: string
  period: number
  paymentAmountMonthly: string
  interestRateAnnual: string
  creditCostRateAnnual: string
  totalCost: string
  totalCostOfCredit: string
  lastPaymentAmount: string
}

/**
 * Equal instalments (annuity) at a nominal annual rate, no fees. The last instalment absorbs the
 * rounding so that the instalments add up to the total to the grosz.
 * APR (RRSO) without fees is the effective annual rate: (1 + r/12)^12 - 1.
 */
export function schedule(amount: string, period: number, interestRateAnnual: string): Schedule {
  const principal = new Decimal(amount)
  const monthlyRate = new Decimal(interestRateAnnual).div(12)
  const payment = monthlyRate.isZero()
    ? principal.div(period)
    : principal.times(monthlyRate).div(new Decimal(1).minus(monthlyRate.plus(1).pow(-period)))
  const monthly = payment.decimalPlaces(2, BigNumber.ROUND_HALF_UP)
  const exactTotal = payment.times(period).decimalPlaces(2, BigNumber.ROUND_HALF_UP)
  const last = exactTotal.minus(monthly.times(period - 1))
  const apr = monthlyRate.plus(1).pow(12).minus(1).decimalPlaces(4, BigNumber.ROUND_HALF_UP)
  return {
    amount: principal.toFixed(2),
    period,
    paymentAmountMonthly: monthly.toFixed(2),
    interestRateAnnual: new Decimal(interestRateAnnual).toFixed(),
    creditCostRateAnnual: apr.toFixed(),
    totalCost: exactTotal.toFixed(2),
    totalCostOfCredit: exactTotal.minus(principal).toFixed(2),
    lastPaymentAmount: last.toFixed(2),
  }
}
