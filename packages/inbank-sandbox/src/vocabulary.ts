/**
 * The words Inbank's Partner API answers with, as the vendor documents list them. The sandbox
 * takes them from there and from nowhere else, so that a client's misreading is not repeated here.
 */

/**
 * `decision_status` of an application: "positive, negative, manual_negative, failed,
 * income_proof_required, pending, manual" (partner API reference 2024-07-19, POST /applications,
 * "The decision_status parameter can have the following values").
 */
export const DECISION_STATUSES = {
  positive: "an offer the customer may accept",
  negative: "declined",
  manual_negative: "declined after Inbank's manual review",
  failed: "Inbank could not decide",
  income_proof_required: "waits for the customer's proof of income",
  pending: "being decided",
  manual: "in Inbank's manual review",
} as const
export type DecisionStatus = keyof typeof DECISION_STATUSES
/** The statuses alone, for validation. */
export const DECISION_STATUS_VALUES = Object.keys(DECISION_STATUSES) as [DecisionStatus, ...DecisionStatus[]]

/**
 * `status` of a credit contract. The reference lists them as the contract-related callback statuses
 * UNSIGNED, SIGNED, ACTIVATED, CANCELLED, TERMINATED (partner API reference, "Callbacks"), and
 * GET /contracts/:contract_uuid answers them in lower case (`"status": "unsigned"`, same document).
 */
export const CONTRACT_STATUS_VALUES = ["unsigned", "signed", "activated", "cancelled", "terminated"] as const
export type ContractStatus = (typeof CONTRACT_STATUS_VALUES)[number]

/**
 * Signing methods of POST /contracts/:contract_uuid/signings: "digital", "paper", "sms"
 * (direct API guide 2025-02-25, "There are the following signing methods available").
 */
export const SIGNING_METHOD_VALUES = ["digital", "paper", "sms"] as const
export type SigningMethod = (typeof SIGNING_METHOD_VALUES)[number]
