import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("boots Medusa with the plugin and answers GET /health with 200", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })

    it("registers the Inbank payment provider as pp_inbank_inbank", async () => {
      const payment = getContainer().resolve(Modules.PAYMENT)
      const providers = await payment.listPaymentProviders({ id: "pp_inbank_inbank" })
      expect(providers).toEqual([expect.objectContaining({ id: "pp_inbank_inbank", is_enabled: true })])
    })
  },
})
