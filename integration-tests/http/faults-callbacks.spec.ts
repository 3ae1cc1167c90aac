import http from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import axios from "axios"
import { INBANK_MODULE } from "../../src/modules/inbank"
import type InbankModuleService from "../../src/modules/inbank/service"
import { reconcileInbank } from "../../src/workflows/reconcile-inbank"
import { eventually } from "../fixtures/eventually"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm, waitForAction } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"
import { faultKinds, unhandledRejections } from "../fixtures/faults"

jest.setTimeout(180_000)

const TIMEOUT_MS = 800
const sandbox = sandboxBeforeMedusa(
  { INBANK_APPLICATION_SIGNING: "false", INBANK_TIMEOUT_MS: String(TIMEOUT_MS) },
  { callbacks: true },
)

const unhandled = unhandledRejections()

const KINDS = faultKinds(TIMEOUT_MS)
/** The Inbank calls processing a callback makes (it reads the application and its contract). */
const CASES = ["getApplication", "getContract"].flatMap((endpoint) => KINDS.map((kind) => ({ endpoint, ...kind })))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)

    const inbank = () => getContainer().resolve<InbankModuleService>(INBANK_MODULE)
    const ordersOf = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data
    }

    /** Application, first completion, code confirmed: then the shopper leaves and only callbacks can make the order. */
    async function signAndLeave() {
      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const form = applicantForm()
      expect((await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
      await seeded.client.post(`/store/carts/${cartId}/complete`)
      const state = await waitForAction(seeded.client, cartId, "sign_contract")
      return { cartId, form, applicationUuid: state.application.uuid as string }
    }

    it.each(CASES)(
      "$endpoint $kind while a callback is processed: recorded as failed, then healed once by the reconciliation job",
      async ({ endpoint, kind, latencyMs }) => {
        const { cartId, form, applicationUuid } = await signAndLeave()
        sandbox.faults.add({ endpoint, kind, status: 503, latencyMs: latencyMs ?? 0, when: "before" })
        expect(
          (
            await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
              subject: "contract",
              code: await smsCode(sandbox, form.applicant.mobile),
            })
          ).status,
        ).toBe(200)

        const failed = await eventually(async () => {
          const callbacks = await inbank().listInbankCallbacks({ application_uuid: applicationUuid, status: "SIGNED" })
          return callbacks[0]?.outcome?.startsWith("failed") && callbacks[0]
        })
        expect(failed.processed_at).toBeNull()
        expect(await ordersOf(cartId)).toHaveLength(0)

        sandbox.faults.clear()
        await reconcileInbank(getContainer(), { olderThanMs: 0 })
        await reconcileInbank(getContainer(), { olderThanMs: 0 })
        expect(await ordersOf(cartId)).toHaveLength(1)
        const callbacks = await inbank().listInbankCallbacks({ application_uuid: applicationUuid })
        expect(callbacks.filter((c: any) => c.processed_at === null)).toEqual([])
        expect(sandbox.bank.state.contracts.size).toBe(1)
        expect(unhandled).toEqual([])
      },
    )

    it("a callback that arrives while Medusa is down is processed once when Inbank retries", async () => {
      // Medusa's address is fixed before boot: put a gate in front of it that answers 503 to each
      // callback's first delivery, as a stopped Medusa (behind a proxy) would.
      const medusaUrl = process.env.INBANK_BACKEND_URL!
      const seen = new Set<string>()
      const deliveries: number[] = []
      const gate = http.createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on("data", (chunk) => chunks.push(chunk))
        req.on("end", () => {
          // A delivery that fails answers 502, as a proxy would, instead of an unhandled rejection.
          ;(async () => {
            const body = Buffer.concat(chunks)
            const key = body.toString()
            if (!seen.has(key)) {
              seen.add(key)
              deliveries.push(503)
              return res.writeHead(503).end()
            }
            const answer = await axios.post(`${medusaUrl}${req.url}`, body, {
              headers: { "content-type": req.headers["content-type"] },
              validateStatus: () => true,
            })
            deliveries.push(answer.status)
            res.writeHead(answer.status).end()
          })().catch(() => res.writeHead(502).end())
        })
      })
      await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve))
      const gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`

      const cartId = await seeded.client.cart(seeded.store.variants.p399)
      const form = applicantForm()
      const callbackUrl = jest.spyOn(inbank(), "callbackUrl").mockReturnValue(`${gateUrl}/hooks/inbank`)
      try {
        expect((await seeded.client.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
        await seeded.client.post(`/store/carts/${cartId}/complete`)
        await waitForAction(seeded.client, cartId, "sign_contract")
        await seeded.client.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
          subject: "contract",
          code: await smsCode(sandbox, form.applicant.mobile),
        })
        const orders = await eventually(async () => {
          const found = await ordersOf(cartId)
          return found.length > 0 && found
        })
        await new Promise((resolve) => setTimeout(resolve, 1000))
        expect(await ordersOf(cartId)).toHaveLength(orders.length)
        expect(orders).toHaveLength(1)
        expect(deliveries.filter((status) => status === 503).length).toBeGreaterThanOrEqual(3)
        expect(deliveries.filter((status) => status !== 503 && status !== 200)).toEqual([])
        const { application } = (await seeded.client.get(`/store/carts/${cartId}/inbank`)).data.inbank
        const callbacks = await inbank().listInbankCallbacks({ application_uuid: application.uuid })
        expect(callbacks.length).toBe(seen.size)
        expect(callbacks.every((c: any) => c.attempts === 1 && c.processed_at !== null)).toBe(true)
      } finally {
        callbackUrl.mockRestore()
        gate.close()
      }
    })
  },
})
