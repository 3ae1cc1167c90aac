import type { InbankClient } from "./client"
import type { Application, Contract } from "./schemas"

/** An application and its contract as Inbank answered them, read together (fetchState). */
export interface FetchedState {
  application: Application
  contract: Contract | null
}

/**
 * The application (following a changed-conditions replacement to its new UUID) and its contract,
 * as Inbank answers now (docs/inbank-api.md "Endpoints" #6 and #15; "Statuses" for changed conditions).
 * The contract UUID comes from the application when Inbank gives it there.
 * @param knownContractUuid the contract the caller already knows, read alongside the application.
 * @returns the application and its contract, or `contract: null` before Inbank has created one.
 * @throws InbankError from either read (e.g. 404 for an unknown UUID).
 */
export async function fetchState(
  client: InbankClient,
  applicationUuid: string,
  knownContractUuid?: string | null,
): Promise<FetchedState> {
  // A known contract is read alongside the application: one Inbank round trip instead of two.
  const [application, knownContract] = await Promise.all([
    client.getApplication(applicationUuid),
    knownContractUuid ? client.getContract(knownContractUuid) : null,
  ])
  const contractUuid = application.contract?.uuid ?? knownContractUuid
  if (!contractUuid) return { application, contract: null }
  return {
    application,
    contract: contractUuid === knownContractUuid ? knownContract : await client.getContract(contractUuid),
  }
}
