import BigNumber from "bignumber.js"
import type { DecisionStatus } from "./vocabulary"
import type { Application } from "./state"

/**
 * Decision rules of Inbank's demo environment (partner API reference, "Demo API environment"):
 * positive for amounts 0–500 and 15 000–16 000 PLN, anything else is not positive.
 * The applicant's last name can ask for any other outcome (README, "Magic values").
 */
export type Magic =
  | { kind: "decision"; status: DecisionStatus }
  | { kind: "income_proof" }
  | { kind: "pending"; seconds: number }
  | { kind: "changed_conditions" }

const FIXED: Record<string, DecisionStatus> = {
  positive: "positive",
  negative: "negative",
  manualnegative: "manual_negative",
  failed: "failed",
  manual: "manual",
}

export function magicFor(lastName: string): Magic | null {
  const name = lastName.trim().toLowerCase()
  if (FIXED[name]) return { kind: "decision", status: FIXED[name] }
  if (name === "income") return { kind: "income_proof" }
  if (name === "changed") return { kind: "changed_conditions" }
  const pending = /^pending(\d{0,3})$/.exec(name)
  if (pending) return { kind: "pending", seconds: pending[1] ? Number(pending[1]) : 5 }
  return null
}

export function decisionByAmount(amount: string): DecisionStatus {
  const value = new BigNumber(amount)
  const inside = (min: number, max: number) => value.gte(min) && value.lte(max)
  return inside(0, 500) || inside(15_000, 16_000) ? "positive" : "negative"
}

/** The decision Inbank reaches for this application now (magic values first, then the amount rule). */
export function decide(application: Application): DecisionStatus {
  const magic = magicFor(application.applicant.lastName)
  if (magic?.kind === "decision") return magic.status
  if (magic?.kind === "income_proof" && !application.incomeProofReceived) return "income_proof_required"
  if (magic?.kind === "changed_conditions") return "positive"
  return decisionByAmount(application.amount)
}

export const DECISION_MESSAGES: Record<DecisionStatus, string> = {
  pending: "Decision pending",
  positive: "Positive decision",
  negative: "Negative decision",
  manual_negative: "Negative decision after manual review",
  failed: "Error has occurred, contact customer support",
  income_proof_required: "Income proof required",
  manual: "Application is under manual review",
}

/** Decision callbacks documented by the vendor; `manual` and `pending` send none. */
export const DECISION_CALLBACK: Partial<Record<DecisionStatus, string>> = {
  positive: "POSITIVE",
  negative: "NEGATIVE",
  manual_negative: "NEGATIVE",
  failed: "FAILED",
  income_proof_required: "INCOME_PROOF_REQUIRED",
}
