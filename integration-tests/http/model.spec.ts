import { updateRegionsWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { INBANK_PROVIDER_ID } from "../../src/lib/financing/provider-id"
import type { Application, Contract } from "inbank-sandbox"
import { reconcileInbank } from "../../src/workflows/reconcile-inbank"
import { adminHeaders } from "../fixtures/admin"
import { eventually } from "../fixtures/eventually"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"

/**
 * Runs and seed: small and fixed in `npm test`; INBANK_MODEL_RUNS / INBANK_MODEL_SEED for longer local runs.
 * A failure prints `{ seed, path }` and the counterexample's replayPath: INBANK_MODEL_SEED, INBANK_MODEL_PATH
 * and INBANK_MODEL_REPLAY_PATH run that counterexample again.
 */
const RUNS = Number(process.env.INBANK_MODEL_RUNS ?? 10)
const SEED = Number(process.env.INBANK_MODEL_SEED ?? 20261201)
const REPLAY = process.env.INBANK_MODEL_PATH ? { path: process.env.INBANK_MODEL_PATH, endOnFailure: true } : {}
const MAX_COMMANDS = 50
const CARTS_PER_RUN = 2
/** What one run may take at most; beyond it (a slow machine, or shrinking a failure) fast-check stops and fails. */
const RUN_BUDGET_MS = 60_000
const SHRINK_BUDGET_MS = 10 * 60_000
/** The plugin reads an application at most once a second (its read gate): a read after this pause is fresh. */
const READ_GATE_MS = 1_100
const CALLBACKS_LOST_MS = 600_000
const LEAVE_MS = 500
const SYSTEM_PROVIDER_ID = "pp_system_default"
const FAULTABLE_ENDPOINTS = [
  "createApplication",
  "getApplication",
  "acceptApplication",
  "cancelApplication",
  "startContractSigning",
  "confirmContractSigning",
  "getContract",
  "approveContract",
  "cancelContract",
]
const DECLINED = new Set(["negative", "manual_negative", "failed"])

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" }, { callbacks: true })

/** What the test knows of one cart, from its own commands and what it saw after each. */
interface CartModel {
  /**
   * The application the shopper last submitted with success (the cart's Inbank session names it), and its applicant's
   * phone.
   */
  application: { uuid: string; phone: string } | null
  /** Inbank sent the SMS code that signs the application's contract. */
  codeSent: boolean
  /** The phone of every applicant submitted on the cart, whatever the answer: Inbank's applications of this cart. */
  phones: string[]
  signed: boolean
  /** One of the cart's contracts was seen activated at Inbank. */
  activated: boolean
  order: { id: string; cancelled: boolean; activatedBeforeCancel: boolean } | null
}
interface Model {
  carts: CartModel[]
}
interface Real {
  cartIds: string[]
}
type ModelCommand = fc.AsyncCommand<Model, Real>

/** What Medusa and Inbank hold for one cart at one moment. */
interface CartState {
  index: number
  cartId: string
  /** The applications the cart's (not deleted) Inbank payment sessions name. */
  sessionApplications: string[]
  payments: InbankPayment[]
  order: { id: string; status: string } | null
  /** Inbank's applications of the cart's applicants, with their contracts. */
  applications: { application: Application; contract: Contract | undefined }[]
}
interface InbankPayment {
  id: string
  applicationUuid: string
  raw_amount: { value: string }
  captured_at: string | null
  canceled_at: string | null
  captures: { raw_amount: { value: string } }[]
}

/**
 * How far the runs reached, printed at the end: commands run, runs settled (fast-check's replays while shrinking count
 * too) and what they held.
 */
const reach = { commands: 0, runs: 0, inbankOrders: 0, cancelledOrders: 0, activatedContracts: 0 }

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One cart's state in a line, for a failure's message. */
function describe(state: CartState): string {
  const order = state.order ? `order ${state.order.id} ${state.order.status}` : "no order"
  const payments = state.payments.map(
    (p) => `payment of ${p.applicationUuid} captured ${Boolean(p.captured_at)} canceled ${Boolean(p.canceled_at)}`,
  )
  const inbank = state.applications.map(
    ({ application: a, contract: c }) =>
      `${a.uuid} ${a.stage}/${a.decisionStatus}${c ? ` contract ${c.status}/${c.processStatus}` : ""}`,
  )
  return `cart ${state.index}: ${order}; sessions name [${state.sessionApplications.join(",")}]; ${payments.join(", ") || "no Inbank payment"}; at Inbank: ${inbank.join(", ") || "nothing"}`
}

/** Credit Inbank still offers or holds: an open application, or a contract not signed off (unsigned, signed). */
function holdsCredit({ application, contract }: CartState["applications"][number]): boolean {
  if (contract) return contract.status === "unsigned" || contract.status === "signed"
  return application.stage !== "cancelled" && !DECLINED.has(application.decisionStatus)
}

/** Not cancelled, terminated or declined: an activated contract counts too. */
function notEnded(entry: CartState["applications"][number]): boolean {
  return entry.contract
    ? entry.contract.status !== "cancelled" && entry.contract.status !== "terminated"
    : holdsCredit(entry)
}

/** Captured exactly once, for the payment's whole amount. */
function capturedOnceInFull(payment: InbankPayment): boolean {
  return payment.captures.length === 1 && MathBN.eq(payment.captures[0].raw_amount, payment.raw_amount)
}

/** Invariants that hold at every moment, whatever is still in flight (G1, G4, amounts, one capture). */
function alwaysViolations(model: Model, states: CartState[]): string[] {
  const violations: string[] = []
  const ordersByContract = new Map<string, string[]>()
  for (const state of states) {
    const at = `cart ${state.index} (${state.cartId})`
    for (const payment of state.payments) {
      const own = state.applications.find(({ application }) => application.uuid === payment.applicationUuid)
      if (!own) {
        violations.push(
          `G1: ${at}: payment ${payment.id} names application ${payment.applicationUuid}, not one of the cart's`,
        )
        continue
      }
      if (!MathBN.eq(payment.raw_amount, own.application.amount)) {
        violations.push(
          `amount: ${at}: payment ${payment.id} is ${payment.raw_amount.value}, the contract at Inbank ${own.application.amount}`,
        )
      }
      if (payment.captures.length && !capturedOnceInFull(payment)) {
        violations.push(
          `G2: ${at}: payment ${payment.id} has ${payment.captures.length} captures of ${payment.captures.map((c) => c.raw_amount.value).join(",")}`,
        )
      }
      if (state.order && own.contract)
        ordersByContract.set(own.contract.uuid, [...(ordersByContract.get(own.contract.uuid) ?? []), state.order.id])
      const order = model.carts[state.index].order
      if (state.order?.status === "canceled" && payment.captured_at && !order?.activatedBeforeCancel) {
        violations.push(
          `G4: ${at}: order ${state.order.id} is cancelled and its payment ${payment.id} captured, its contract not activated before the cancel`,
        )
      }
    }
  }
  for (const [contract, orders] of ordersByContract) {
    if (new Set(orders).size > 1)
      violations.push(`G1: contract ${contract} backs orders ${[...new Set(orders)].join(",")}`)
  }
  return violations
}

/** Invariants that hold once nothing is in flight: faults cleared, callbacks processed, the job run (G2, G3, G5). */
function settledViolations(states: CartState[]): string[] {
  const violations: string[] = []
  for (const state of states) {
    const at = `cart ${state.index} (${state.cartId})`
    const cancelled = state.order?.status === "canceled"
    if (state.order && !cancelled && state.sessionApplications.length) {
      const entry = state.applications.find(({ application }) => application.uuid === state.sessionApplications[0])
      const payment = state.payments.find((p) => p.applicationUuid === state.sessionApplications[0])
      const contract = entry?.contract
      if (contract?.status === "activated" && !(payment?.captured_at && capturedOnceInFull(payment))) {
        violations.push(
          `G2: ${at}: contract ${contract.uuid} is activated, order ${state.order.id}'s payment ${JSON.stringify(payment)} is not captured once in full`,
        )
      }
      if (
        contract?.status === "signed" &&
        contract.processStatus === "waiting_for_partners_confirmation" &&
        !(payment && !payment.captured_at && !payment.canceled_at)
      ) {
        violations.push(
          `G2: ${at}: contract ${contract.uuid} waits for approval, order ${state.order.id}'s payment ${JSON.stringify(payment)} is not authorized`,
        )
      }
    }
    for (const entry of state.applications.filter(holdsCredit)) {
      const what = `${entry.contract ? `contract ${entry.contract.uuid} (${entry.contract.status})` : `application ${entry.application.uuid} (${entry.application.stage}, ${entry.application.decisionStatus})`}`
      if (cancelled) violations.push(`G3: ${at}: order ${state.order!.id} is cancelled, Inbank still holds ${what}`)
      else if (!state.sessionApplications.includes(entry.application.uuid))
        violations.push(`G3: ${at}: no Inbank session names ${what}`)
      else if (state.order && !state.payments.some((p) => p.applicationUuid === entry.application.uuid)) {
        violations.push(`G3: ${at}: order ${state.order.id} is not paid with ${what}`)
      }
    }
    const open = state.applications.filter(notEnded)
    if (open.length > 1)
      violations.push(
        `G5: ${at}: ${open.length} applications not cancelled at Inbank: ${open.map((e) => e.application.uuid).join(",")}`,
      )
  }
  return violations
}

/**
 * A model-based test of the financing lifecycle (README "Guarantees"): fast-check picks shopper,
 * Inbank, callback, staff, fault and reconciliation steps on fresh carts of one Medusa, in any order;
 * the guarantees are checked on Medusa's database and the sandbox's state after every step (those
 * that hold at every moment) and after settling (all of them). A refused step (4xx) is a legal answer.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    let staffHeaders: Record<string, string>

    beforeAll(async () => {
      await updateRegionsWorkflow(getContainer()).run({
        input: {
          selector: { id: seeded.store.regionId },
          update: { payment_providers: [INBANK_PROVIDER_ID, SYSTEM_PROVIDER_ID] },
        },
      })
      staffHeaders = { ...(await adminHeaders(getContainer())).headers, origin: "http://localhost:9000" }
    })
    afterAll(() => console.log(`model.spec (seed ${SEED}): ${JSON.stringify(reach)}`))

    const asStaff = (url: string) => api.post(url, {}, { headers: staffHeaders, validateStatus: () => true })

    function inbankApplications(cart: CartModel): CartState["applications"] {
      return [...sandbox.bank.state.applications.values()]
        .filter((application) => cart.phones.includes(application.applicant.mobile))
        .map((application) => ({
          application,
          contract: application.contractUuid ? sandbox.bank.state.contracts.get(application.contractUuid) : undefined,
        }))
    }

    async function cartStates(model: Model, real: Real): Promise<CartState[]> {
      const { data: carts } = await query().graph({
        entity: "cart",
        fields: [
          "id",
          "payment_collection.payment_sessions.provider_id",
          "payment_collection.payment_sessions.data",
          "payment_collection.payments.id",
          "payment_collection.payments.provider_id",
          "payment_collection.payments.data",
          "payment_collection.payments.raw_amount",
          "payment_collection.payments.captured_at",
          "payment_collection.payments.canceled_at",
          "payment_collection.payments.captures.raw_amount",
        ],
        filters: { id: real.cartIds },
      })
      const { data: links } = await query().graph({
        entity: "order_cart",
        fields: ["cart_id", "order.id", "order.status"],
        filters: { cart_id: real.cartIds },
      })
      return real.cartIds.map((cartId, index) => {
        const collection = carts.find((c) => c.id === cartId)?.payment_collection
        const inbank = (rows: any[] | undefined) => (rows ?? []).filter((row) => row.provider_id === INBANK_PROVIDER_ID)
        const order = links.find((link) => link.cart_id === cartId)?.order
        return {
          index,
          cartId,
          sessionApplications: inbank(collection?.payment_sessions).map((session) => session.data?.application_uuid),
          payments: inbank(collection?.payments).map((payment) => ({
            ...payment,
            applicationUuid: payment.data?.application_uuid,
          })),
          order: order ? { id: order.id, status: order.status } : null,
          applications: inbankApplications(model.carts[index]),
        }
      })
    }

    /**
     * The model learns what happened without a command of its own: orders placed or cancelled by callbacks,
     * activations.
     */
    function observe(model: Model, states: CartState[]) {
      for (const state of states) {
        const cart = model.carts[state.index]
        if (state.order && !cart.order)
          cart.order = { id: state.order.id, cancelled: false, activatedBeforeCancel: false }
        if (state.order?.status === "canceled" && !cart.order!.cancelled) {
          cart.order = { ...cart.order!, cancelled: true, activatedBeforeCancel: cart.activated }
        }
        cart.activated ||= state.applications.some(({ contract }) => Boolean(contract?.activatedAt))
      }
    }

    async function verify(model: Model, real: Real, settled: boolean): Promise<CartState[]> {
      const states = await cartStates(model, real)
      observe(model, states)
      const violations = [...alwaysViolations(model, states), ...(settled ? settledViolations(states) : [])]
      if (violations.length) {
        throw new Error(
          `Invariants violated${settled ? " after settling" : ""}:\n${violations.join("\n")}\nCarts:\n${states.map(describe).join("\n")}`,
        )
      }
      return states
    }

    function tally(states: CartState[]) {
      reach.runs += 1
      for (const state of states) {
        if (state.payments.length) reach.inbankOrders += 1
        if (state.order?.status === "canceled") reach.cancelledOrders += 1
        reach.activatedContracts += state.applications.filter(({ contract }) => contract?.activatedAt).length
      }
    }

    /** The reconciliation job on every record of the run's carts, due now, with Inbank answering. */
    async function reconcile(real: Real) {
      await knex()("inbank_application")
        .whereIn("cart_id", real.cartIds)
        .update({ check_after: new Date(0) })
      sandbox.faults.clear()
      await reconcileInbank(getContainer(), { olderThanMs: 0 })
    }

    /**
     * Until every callback Inbank sent about the run's applications is processed (or failed, for the job) and no more
     * arrive.
     */
    async function callbacksProcessed(model: Model) {
      const uuids = model.carts.flatMap((cart) => inbankApplications(cart).map(({ application }) => application.uuid))
      let deliveries = -1
      await eventually(async () => {
        const seen = sandbox.bank.state.callbacks.length
        const waiting = await knex()("inbank_callback")
          .whereIn("application_uuid", uuids)
          .whereNull("processed_at")
          .whereNull("outcome")
          .count("id as count")
        const quiet = seen === deliveries && Number(waiting[0].count) === 0
        deliveries = seen
        return quiet
      }, 30_000)
    }

    async function settle(model: Model, real: Real) {
      sandbox.faults.clear()
      sandbox.updateSettings({ callbackDelayMs: 0 })
      for (let pass = 0; pass < 2; pass++) {
        await pause(READ_GATE_MS)
        await reconcile(real)
        await callbacksProcessed(model)
      }
    }

    /** A step of the run; after it, the invariants that hold at every moment are checked. */
    function step(
      name: string,
      check: (model: Readonly<Model>) => boolean,
      act: (model: Model, real: Real) => Promise<unknown>,
    ): ModelCommand {
      return {
        check,
        run: async (model, real) => {
          reach.commands += 1
          await act(model, real)
          await verify(model, real, false)
        },
        toString: () => name,
      }
    }

    const signable = (cart: CartModel) => Boolean(cart.application) && !cart.signed && !cart.order
    const cartIndex = fc.integer({ min: 0, max: CARTS_PER_RUN - 1 })
    const shop = () => seeded.client
    const newestContract = (cart: CartModel) =>
      inbankApplications(cart)
        .map(({ contract }) => contract)
        .filter((contract): contract is Contract => Boolean(contract))
        .pop()
    /** Inbank's back office acting on the cart's newest contract; refusing what its state does not allow. */
    const atInbank = (act: (contract: Contract) => void) => (cart: CartModel) => {
      const contract = newestContract(cart)
      try {
        if (contract) act(contract)
      } catch (error) {
        if ((error as { status?: number }).status !== 422) throw error
      }
    }
    const inbankApprove = atInbank((contract) => sandbox.bank.approveContract(contract.uuid))
    const inbankCancel = atInbank((contract) => sandbox.bank.cancelContract(contract.uuid))
    const inbankTerminate = atInbank((contract) => sandbox.bank.terminateContract(contract.uuid, "withdrawal"))

    const shopper = {
      apply: fc.tuple(cartIndex, fc.constantFrom(12, 24)).map(([i, period]) =>
        step(
          `apply(cart ${i}, ${period} months)`,
          (m) => !m.carts[i].order,
          async (m, r) => {
            const cart = m.carts[i]
            const form = applicantForm("Wiśniewska", { period })
            cart.phones.push(form.applicant.mobile)
            const applied = await shop().post(`/store/carts/${r.cartIds[i]}/inbank/application`, form)
            if (applied.status !== 201) return
            Object.assign(cart, {
              application: { uuid: applied.data.inbank.application.uuid, phone: form.applicant.mobile },
              codeSent: false,
              signed: false,
            })
          },
        ),
      ),
      startSigning: fc.tuple(cartIndex, fc.constantFrom("complete", "signing")).map(([i, via]) =>
        step(
          `startSigning(cart ${i}, via ${via})`,
          (m) => signable(m.carts[i]),
          async (m, r) => {
            const cart = m.carts[i]
            if (via === "complete") await shop().post(`/store/carts/${r.cartIds[i]}/complete`)
            else await shop().post(`/store/carts/${r.cartIds[i]}/inbank/signing`, { subject: "contract" })
            cart.codeSent = sandbox.bank.state.sms.some(
              (sms) => sms.phone === cart.application!.phone && sms.subject === "contract",
            )
          },
        ),
      ),
      confirmSigning: cartIndex.map((i) =>
        step(
          `confirmSigning(cart ${i})`,
          (m) => signable(m.carts[i]) && m.carts[i].codeSent,
          async (m, r) => {
            const cart = m.carts[i]
            const code = await smsCode(sandbox, cart.application!.phone)
            const confirmed = await shop().post(`/store/carts/${r.cartIds[i]}/inbank/signing/confirm`, {
              subject: "contract",
              code,
            })
            cart.signed = confirmed.status === 200
          },
        ),
      ),
      complete: cartIndex.map((i) =>
        step(
          `complete(cart ${i})`,
          (m) => Boolean(m.carts[i].application) && !m.carts[i].order,
          (_m, r) => shop().post(`/store/carts/${r.cartIds[i]}/complete`),
        ),
      ),
      payOtherwise: cartIndex.map((i) =>
        step(
          `payOtherwise(cart ${i})`,
          (m) => !m.carts[i].order,
          async (m, r) => {
            const collection = await shop().post("/store/payment-collections", { cart_id: r.cartIds[i] })
            if (collection.status !== 200) return
            const session = await shop().post(
              `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
              { provider_id: SYSTEM_PROVIDER_ID },
            )
            if (session.status !== 200) return
            Object.assign(m.carts[i], { application: null, codeSent: false, signed: false })
            await shop().post(`/store/carts/${r.cartIds[i]}/complete`)
          },
        ),
      ),
      // The shopper leaves for a moment: callbacks and Medusa's subscribers run meanwhile.
      leave: fc.constant(
        step(
          "leave()",
          () => true,
          () => pause(LEAVE_MS),
        ),
      ),
    }

    const inbank = {
      approve: cartIndex.map((i) =>
        step(
          `inbankApprove(cart ${i})`,
          (m) => m.carts[i].signed,
          async (m) => inbankApprove(m.carts[i]),
        ),
      ),
      cancel: cartIndex.map((i) =>
        step(
          `inbankCancel(cart ${i})`,
          (m) => m.carts[i].phones.length > 0,
          async (m) => inbankCancel(m.carts[i]),
        ),
      ),
      terminate: cartIndex.map((i) =>
        step(
          `inbankTerminate(cart ${i})`,
          (m) => m.carts[i].activated,
          async (m) => inbankTerminate(m.carts[i]),
        ),
      ),
    }

    const callbacks = {
      delay: fc.constantFrom("lost", "prompt").map((kind) =>
        step(
          `callbacks(${kind})`,
          () => true,
          async () => sandbox.updateSettings({ callbackDelayMs: kind === "lost" ? CALLBACKS_LOST_MS : 0 }),
        ),
      ),
      outOfOrder: fc.boolean().map((on) =>
        step(
          `callbacksOutOfOrder(${on})`,
          () => true,
          async () => sandbox.updateSettings({ callbackOutOfOrder: on }),
        ),
      ),
    }

    /** An order the shopper signed Inbank's contract for. */
    const financed = (cart: CartModel) => Boolean(cart.order) && cart.signed
    const staff = {
      approve: cartIndex.map((i) =>
        step(
          `staffApprove(cart ${i})`,
          (m) => financed(m.carts[i]),
          (m) => asStaff(`/admin/inbank/orders/${m.carts[i].order!.id}/approve`),
        ),
      ),
      cancelOrder: cartIndex.map((i) =>
        step(
          `staffCancelOrder(cart ${i})`,
          (m) => Boolean(m.carts[i].order) && !m.carts[i].order!.cancelled,
          (m) => asStaff(`/admin/orders/${m.carts[i].order!.id}/cancel`),
        ),
      ),
      refresh: cartIndex.map((i) =>
        step(
          `staffRefresh(cart ${i})`,
          (m) => financed(m.carts[i]),
          (m) => asStaff(`/admin/inbank/orders/${m.carts[i].order!.id}/refresh`),
        ),
      ),
    }

    const faults = {
      add: fc.tuple(fc.constantFrom(...FAULTABLE_ENDPOINTS), fc.integer({ min: 1, max: 4 })).map(([endpoint, times]) =>
        step(
          `fault(${endpoint} 503 × ${times})`,
          () => true,
          async () => sandbox.faults.add({ endpoint, kind: "error", status: 503, latencyMs: 0, when: "before", times }),
        ),
      ),
      clear: fc.constant(
        step(
          "clearFaults()",
          () => true,
          async () => sandbox.faults.clear(),
        ),
      ),
    }

    const reconciliation = fc.constant(
      step(
        "reconcile()",
        () => true,
        (_m, r) => reconcile(r),
      ),
    )

    const weighted = (weight: number, arbitrary: fc.Arbitrary<ModelCommand>) => ({ weight, arbitrary })
    const anyStep = fc.oneof(
      weighted(3, shopper.apply),
      weighted(6, shopper.startSigning),
      weighted(8, shopper.confirmSigning),
      weighted(4, shopper.complete),
      weighted(1, shopper.payOtherwise),
      weighted(2, shopper.leave),
      weighted(3, inbank.approve),
      weighted(1, inbank.cancel),
      weighted(1, inbank.terminate),
      weighted(1, callbacks.delay),
      weighted(1, callbacks.outOfOrder),
      weighted(2, staff.approve),
      weighted(1, staff.cancelOrder),
      weighted(1, staff.refresh),
      weighted(1, faults.add),
      weighted(1, faults.clear),
      weighted(1, reconciliation),
    )

    async function freshRun(): Promise<{ model: Model; real: Real }> {
      sandbox.faults.clear()
      sandbox.updateSettings({ merchantApproval: true, callbackDelayMs: 0, callbackOutOfOrder: false })
      const cartIds: string[] = []
      for (let i = 0; i < CARTS_PER_RUN; i++) cartIds.push(await seeded.client.cart(seeded.store.variants.p399))
      const carts = cartIds.map((): CartModel => ({
        application: null,
        codeSent: false,
        phones: [],
        signed: false,
        activated: false,
        order: null,
      }))
      return { model: { carts }, real: { cartIds } }
    }

    it(
      "shopper, Inbank, callbacks, staff, faults and the job in any order keep the financing guarantees",
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.commands([anyStep], {
              maxCommands: MAX_COMMANDS,
              size: "max",
              replayPath: process.env.INBANK_MODEL_REPLAY_PATH,
            }),
            async (commands) => {
              const run = await freshRun()
              await fc.asyncModelRun(() => run, commands)
              await settle(run.model, run.real)
              tally(await verify(run.model, run.real, true))
            },
          ),
          {
            numRuns: RUNS,
            seed: SEED,
            ...REPLAY,
            plugins: [fc.interruptAfterTimeLimit(RUNS * RUN_BUDGET_MS + SHRINK_BUDGET_MS, { failOnInterrupt: true })],
          },
        )
      },
      RUNS * RUN_BUDGET_MS + SHRINK_BUDGET_MS + 60_000,
    )
  },
})
