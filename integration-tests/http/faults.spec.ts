import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Fault } from "inbank-sandbox"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"
import { faultKinds, unhandledRejections } from "../fixtures/faults"

jest.setTimeout(300_000)

const TIMEOUT_MS = 800
const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false", INBANK_TIMEOUT_MS: String(TIMEOUT_MS) })

const unhandled = unhandledRejections()

type Step = "application" | "acceptance" | "first_completion" | "confirmation" | "completion"
/** How the shopper accepts the offer: the signing route (what the docs recommend) or a first cart completion. */
type Flow = "signing_route" | "completion"
const KINDS = faultKinds(TIMEOUT_MS)
/** Every Inbank call the checkout makes, the shopper's step that makes it, and in which flow. */
const CALLS: { endpoint: string; step: Step; flow: Flow }[] = [
  // The create answer carries the positive decision: no read in the application step, and the
  // completion finds the contract the confirmation read signed: no Inbank call (the read gate).
  { endpoint: "createApplication", step: "application", flow: "signing_route" },
  { endpoint: "acceptApplication", step: "acceptance", flow: "signing_route" },
  { endpoint: "startContractSigning", step: "acceptance", flow: "signing_route" },
  { endpoint: "confirmContractSigning", step: "confirmation", flow: "signing_route" },
  { endpoint: "getContract", step: "confirmation", flow: "signing_route" },
  // A storefront that lets the first completion accept the offer: the calls only that path makes.
  { endpoint: "getApplication", step: "first_completion", flow: "completion" },
  { endpoint: "acceptApplication", step: "first_completion", flow: "completion" },
  { endpoint: "getContract", step: "first_completion", flow: "completion" },
  { endpoint: "startContractSigning", step: "first_completion", flow: "completion" },
]
const ONLY = process.env.FAULT_ONLY
interface FaultCase {
  endpoint: string
  step: Step
  flow: Flow
  kind: Fault["kind"]
  latencyMs?: number
  when: "before" | "after"
}
// POSTs whose effect happened at Inbank although the answer was lost: retrying must not repeat it.
const LOST_ANSWERS = CALLS.filter((call) =>
  ["acceptApplication", "startContractSigning", "confirmContractSigning"].includes(call.endpoint),
)
const CASES: FaultCase[] = CALLS.flatMap((call): FaultCase[] =>
  KINDS.map((kind) => ({ ...call, ...kind, when: "before" })),
)
  .concat(LOST_ANSWERS.map((call) => ({ ...call, kind: "timeout" as const, when: "after" as const })))
  .filter((c) => !ONLY || `${c.endpoint} ${c.step} ${c.kind}`.includes(ONLY))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)

    /** What the shopper saw when a step failed: a clear message, and never Medusa's "unknown error". */
    const refusals: { step: Step; status: number; message: string; type?: string }[] = []
    async function attempt(
      step: Step,
      run: () => Promise<{ status: number; data: any }>,
      succeeded: (answer: { status: number; data: any }) => boolean | Promise<boolean>,
    ) {
      for (let i = 0; i < 4; i++) {
        const answer = await run()
        if (answer.status >= 400)
          refusals.push({ step, status: answer.status, message: String(answer.data?.message ?? "") })
        // Medusa's completion answers a payment it could not authorize with 200, the cart and the error.
        if (answer.data?.type === "cart" && answer.data.error) {
          refusals.push({
            step,
            status: answer.status,
            message: String(answer.data.error.message),
            type: answer.data.error.type,
          })
        }
        if (await succeeded(answer)) return answer
      }
      throw new Error(`${step} did not succeed after retries`)
    }
    const stateIs = async (cartId: string, type: string) =>
      (await seeded.client.get(`/store/carts/${cartId}/inbank`)).data.inbank?.next_action?.type === type

    it.each(CASES)(
      "$endpoint in $step $kind ($when): the shopper retries and gets one order, one application, one contract",
      async ({ endpoint, step, flow, kind, when, latencyMs }) => {
        refusals.length = 0
        const cartId = await seeded.client.cart(seeded.store.variants.p399)
        const form = applicantForm()
        const inject = (at: Step) => {
          if (at === step)
            sandbox.faults.add({ endpoint, kind, status: 503, latencyMs: latencyMs ?? 0, when, times: 1 })
        }

        inject("application")
        await attempt(
          "application",
          () => seeded.client.post(`/store/carts/${cartId}/inbank/application`, form),
          (a) => a.status === 201,
        )
        if (!(await stateIs(cartId, "complete_cart"))) await new Promise((resolve) => setTimeout(resolve, 1100))

        if (flow === "signing_route") {
          inject("acceptance")
          await attempt(
            "acceptance",
            () => seeded.client.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" }),
            (a) => a.status === 200,
          )
        } else {
          inject("first_completion")
          await attempt(
            "first_completion",
            () => seeded.client.post(`/store/carts/${cartId}/complete`),
            async () => {
              await new Promise((resolve) => setTimeout(resolve, 1100))
              return stateIs(cartId, "sign_contract")
            },
          )
        }

        // A completion that failed after the contract was created leaves no SMS: the shopper asks for one.
        const code = async () => {
          const inbox = () =>
            sandbox.bank.state.sms.filter((m) => m.phone === form.applicant.mobile && m.subject === "contract")
          if (!inbox().length)
            expect(
              (await seeded.client.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" })).status,
            ).toBe(200)
          return smsCode(sandbox, form.applicant.mobile)
        }
        inject("confirmation")
        const confirmed = await attempt(
          "confirmation",
          async () =>
            seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
              subject: "contract",
              code: await code(),
            }),
          (a) => a.status === 200,
        )
        // Signed is signed, even when Inbank did not answer the read that followed: no second code asked for.
        expect(confirmed.data.inbank.next_action.type).toBe("complete_cart")

        inject("completion")
        const done = await attempt(
          "completion",
          () => seeded.client.post(`/store/carts/${cartId}/complete`),
          (a) => a.data?.type === "order",
        )
        expect(done.data.order.id).toMatch(/^order_/)

        const succeeded = (name: string) =>
          sandbox.bank.state.requests.filter((r) => r.endpoint === name && r.status < 300 && r.fault === null).length
        // Inbank's API has no idempotency key and no search: a POST /applications answered too late has
        // created an application the shopper never hears of. It is never accepted (no contract) and expires.
        const lostCreation = endpoint === "createApplication" && kind === "latency"
        // The late POST creates its application only when its latency has passed, which a fast checkout beats.
        if (lostCreation) await new Promise((resolve) => setTimeout(resolve, latencyMs))
        expect(sandbox.bank.state.applications.size).toBe(lostCreation ? 2 : 1)
        expect(sandbox.bank.state.contracts.size).toBe(1)
        expect(succeeded("createApplication")).toBe(lostCreation ? 2 : 1)
        expect(sandbox.faults.list()).toEqual([])
        if (step === "first_completion" && kind === "error" && endpoint === "acceptApplication") {
          // A POST is not retried by the client: the shopper saw the failure, as Medusa's payment error.
          expect(refusals).toContainEqual(
            expect.objectContaining({ step, status: 200, type: "payment_authorization_error" }),
          )
        }
        for (const refusal of refusals) {
          // Our routes answer 503; Medusa's cart completion, Inbank failing, the cart with a payment error to
          // retry (never a 500).
          const fromCompletion =
            refusal.step.endsWith("completion") &&
            refusal.status === 200 &&
            refusal.type === "payment_authorization_error" &&
            /Spróbuj/.test(refusal.message)
          expect({ ...refusal, ok: refusal.status === 400 || refusal.status === 503 || fromCompletion }).toMatchObject({
            ok: true,
          })
          expect(refusal.message).not.toMatch(/unknown error/i)
          expect(refusal.message.length).toBeGreaterThan(10)
        }
        expect(unhandled).toEqual([])
      },
    )
  },
})
