import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { sandboxBeforeMedusa, smsCode } from "../fixtures/sandbox"
import { applicantForm } from "../fixtures/shopper"
import { seededShop } from "../fixtures/store"

jest.setTimeout(120_000)

const sandbox = sandboxBeforeMedusa({ INBANK_APPLICATION_SIGNING: "false" })

/**
 * The benchmark's checkout (bench/run.js, inbankCheckout: merchant approval on, "accept and sign" by
 * the signing route), counting the Inbank calls of each step. The quick way to the numbers
 * `npm run bench` prints in its row 4; prints them as a line per checkout.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const seeded = seededShop(api, getContainer, sandbox)

    async function checkout(): Promise<Record<string, string[]>> {
      const shop = seeded.client
      const cartId = await shop.cart(seeded.store.variants.p399)
      const form = applicantForm()
      const calls: Record<string, string[]> = {}
      const step = async (name: string, run: () => Promise<{ status: number; data: any }>) => {
        const first = sandbox.bank.state.requests.length
        const answer = await run()
        calls[name] = sandbox.bank.state.requests.slice(first).map((r) => r.endpoint ?? r.path)
        return answer
      }
      const applied = await step("application", () => shop.post(`/store/carts/${cartId}/inbank/application`, form))
      expect(applied.data.inbank).toMatchObject({
        next_action: { type: "complete_cart" },
        offer: { monthly_payment: expect.stringMatching(/^\d+\.\d{2}$/) },
      })
      await step("accept and send code", () =>
        shop.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" }),
      )
      const code = await smsCode(sandbox, form.applicant.mobile)
      const confirmed = await step("confirmation", () =>
        shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code }),
      )
      expect(confirmed.status).toBe(200)
      const order = await step("completion", () => shop.post(`/store/carts/${cartId}/complete`))
      expect(order.data.type).toBe("order")
      const total = Object.values(calls).flat().length
      process.stdout.write(
        `Inbank calls per checkout step: ${Object.entries(calls)
          .map(([name, list]) => `${name} ${list.length} (${list.join(", ")})`)
          .join("; ")}; total ${total}\n`,
      )
      return calls
    }

    it("makes the 5 calls its flow needs: create; accept, start signing; confirm, one contract read; nothing at completion", async () => {
      sandbox.updateSettings({ merchantApproval: true })
      // The first checkout also asks the shop's price range and, for a new amount, the calculation for the
      // offer's figures (both cached ten minutes).
      const cold = await checkout()
      expect(cold.application).toEqual(["listProducts", "createApplication", "createCalculation"])
      const warm = await checkout()
      expect(warm).toEqual({
        application: ["createApplication"],
        "accept and send code": ["acceptApplication", "startContractSigning"],
        confirmation: ["confirmContractSigning", "getContract"],
        completion: [],
      })
    })
  },
})
