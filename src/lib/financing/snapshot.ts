import type { FetchedState } from "inbank-partner-api"
import type { InbankSnapshot } from "./derive-state"

export type { FetchedState }

/** The fetched state in the shape deriveState takes, with what only Medusa knows (signing flow, order placed). */
export function toSnapshot(
  fetched: FetchedState,
  context: { applicationSigningRequired: boolean; orderPlaced: boolean },
): InbankSnapshot {
  const credit = fetched.application.creditApplication
  return {
    decisionStatus: credit.decisionStatus,
    applicationProcessStatus: credit.processStatus,
    applicationSigned: Boolean(credit.confirmedAt),
    applicationSigningRequired: context.applicationSigningRequired,
    contract: fetched.contract && {
      status: fetched.contract.contract.status,
      processStatus: fetched.contract.processStatus ?? fetched.contract.contract.processStatus,
    },
    orderPlaced: context.orderPlaced,
  }
}
