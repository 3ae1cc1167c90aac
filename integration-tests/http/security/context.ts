import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import type { Sandbox } from "inbank-sandbox"
import { applicantForm, storeClient } from "../../fixtures/shopper"
import type { SeededStore } from "../../fixtures/store"

/**
 * What every group of attacks in security.spec.ts shares: one Medusa, one sandbox, one seeded store.
 * Each group lives in its own file here (`<area>.attacks.ts`) and registers its tests with `it`.
 */
export interface SecurityContext {
  api: AxiosInstance
  getContainer: () => MedusaContainer
  dbConnection: { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }
  sandbox: Sandbox
  apiKey: string
  store: () => SeededStore
  shop: () => ReturnType<typeof storeClient>
  /** The newest SMS code the sandbox sent to a phone. */
  code: (phone: string) => Promise<string>
  /** Marks an applicant's personal data as secret: the last test checks none of it is kept or logged. */
  remember: (form: ReturnType<typeof applicantForm>) => void
}
