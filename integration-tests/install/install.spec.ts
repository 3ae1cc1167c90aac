import fs from "node:fs"
import path from "node:path"
import axios from "axios"
import { type FreshStore, installIntoFreshStore } from "../fixtures/fresh-store"

jest.setTimeout(900_000)

const http = axios.create({ validateStatus: () => true })

describe("installing the packed plugin into a new Medusa 2.21 store, as the README says", () => {
  let store: FreshStore

  beforeAll(async () => {
    store = await installIntoFreshStore()
  })
  afterAll(() => store?.stop())

  it("installs the plugin with the inbank-partner-api client and without the sandbox or express", () => {
    const plugin = JSON.parse(
      fs.readFileSync(path.join(store.dir, "node_modules/medusa-payment-inbank/package.json"), "utf8"),
    )
    expect(Object.keys(plugin.dependencies)).toContain("inbank-partner-api")
    expect(Object.keys(plugin.dependencies)).not.toContain("express")
    expect(Object.keys(plugin.dependencies)).not.toContain("inbank-sandbox")
    expect(store.pluginFiles.filter((file) => /sandbox/i.test(file))).toEqual([])
    expect(store.pluginFiles.filter((file) => /inbank-partner-api|lib\/inbank\//.test(file))).toEqual([])
    const client = require(
      require.resolve("inbank-partner-api", { paths: [path.join(store.dir, "node_modules/medusa-payment-inbank")] }),
    )
    expect(typeof client.InbankClient).toBe("function")
  })

  it("registers the payment provider pp_inbank_inbank", async () => {
    const login = await http.post(`${store.url}/auth/user/emailpass`, store.admin)
    expect(login.status).toBe(200)
    const providers = await http.get(`${store.url}/admin/payments/payment-providers`, {
      headers: { authorization: `Bearer ${login.data.token}` },
    })
    expect(providers.status).toBe(200)
    expect(providers.data.payment_providers.map((provider: { id: string }) => provider.id)).toContain(
      "pp_inbank_inbank",
    )
  })

  it("ships the module's migrations: the plugin's tables exist after medusa db:migrate", async () => {
    const db = store.database()
    await db.connect()
    const { rows } = await db.query(
      "select table_name from information_schema.tables where table_name like 'inbank_%' order by 1",
    )
    await db.end()
    expect(rows.map((row) => row.table_name)).toEqual(["inbank_application", "inbank_callback", "inbank_rate_limit"])
  })

  it("serves /hooks/inbank and refuses an unsigned callback with 401", async () => {
    const response = await http.post(
      `${store.url}/hooks/inbank`,
      new URLSearchParams({
        message: JSON.stringify({ application_uuid: "x", type: "APPLICATION", status: "SIGNED" }),
      }),
    )
    expect(response.status).toBe(401)
  })

  it("exports the workflows and the event names from medusa-payment-inbank/workflows", () => {
    const exported = require(require.resolve("medusa-payment-inbank/workflows", { paths: [store.dir] }))
    expect(exported.applyInbankStateWorkflowId).toBe("apply-inbank-state")
    expect(exported.cancelInbankFinancingWorkflowId).toBe("cancel-inbank-financing")
    expect(exported.submitInbankApplicationWorkflowId).toBe("submit-inbank-application")
    expect(exported.InbankEvents.CONTRACT_ACTIVATED).toBe("inbank.contract.activated")
  })

  it("puts the order widget into the built admin, which the store serves", async () => {
    const assets = path.join(store.dir, ".medusa/server/public/admin/assets")
    const withWidget = fs
      .readdirSync(assets)
      .filter(
        (file) => file.endsWith(".js") && fs.readFileSync(path.join(assets, file), "utf8").includes("inbank-widget"),
      )
    expect(withWidget).not.toHaveLength(0)
    expect((await http.get(`${store.url}/app`)).status).toBe(200)
    expect((await http.get(`${store.url}/app/assets/${withWidget[0]}`)).status).toBe(200)
  })
})
