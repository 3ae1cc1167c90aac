import { execFileSync } from "node:child_process"
import axios from "axios"
import { Client } from "pg"
import { Sandbox } from "inbank-sandbox"
import { startCallbackFanOut } from "../fixtures/callback-fan-out"
import { eventually } from "../fixtures/eventually"
import { RunningMedusa, startMedusaApp } from "../fixtures/medusa-app"
import { RunningRedis, startRedis } from "../fixtures/redis"
import { applicantForm, storeClient, waitForAction } from "../fixtures/shopper"

jest.setTimeout(600_000)

const SHOPPERS = 4

/**
 * Two `medusa start` processes on one database with Redis event bus, workflow engine and locking
 * (Medusa's setup for horizontal scale). Every Inbank callback reaches both, three times each, at once.
 */
describe("two Medusa instances receiving the same callbacks", () => {
  const sandbox = new Sandbox({ callbackDelayMs: 0, callbackRetryDelayMs: 200, merchantApproval: true })
  let fanOut: Awaited<ReturnType<typeof startCallbackFanOut>>
  let redis: RunningRedis
  let app: RunningMedusa
  let db: Client

  beforeAll(async () => {
    await sandbox.start()
    redis = await startRedis()
    fanOut = await startCallbackFanOut(3)
    app = await startMedusaApp(
      {
        INBANK_BASE_URL: sandbox.url,
        INBANK_BACKEND_URL: fanOut.url,
        INBANK_APPLICATION_SIGNING: "false",
        REDIS_URL: redis.url,
        INBANK_ADMIN: "false",
      },
      { instances: 2 },
    )
    fanOut.targets = app.urls
    db = new Client({ connectionString: app.databaseUrl })
    await db.connect()
  })
  afterAll(async () => {
    await db?.end()
    await app?.stop()
    fanOut?.close()
    redis?.stop()
    await sandbox.stop()
  })

  const ordersOfCart = async (cartId: string) =>
    (
      await db.query(
        `select o.id, o.status from order_cart oc join "order" o on o.id = oc.order_id where oc.cart_id = $1 and oc.deleted_at is null`,
        [cartId],
      )
    ).rows
  const capturesOfOrder = async (orderId: string) =>
    Number(
      (
        await db.query(
          `select count(*) from capture c join payment p on p.id = c.payment_id
           join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = $1`,
          [orderId],
        )
      ).rows[0].count,
    )

  it("makes one order per signed contract and one capture per approval, each callback processed once", async () => {
    // Shoppers sign their contracts and leave before completing: only the callbacks can make their orders.
    const shop = storeClient(axios.create({ baseURL: app.urls[0] }), app.store)
    // Carts one by one: Medusa creates the guest customer of a new e-mail once per cart and would race itself.
    const carts: string[] = []
    for (let i = 0; i < SHOPPERS; i++) carts.push(await shop.cart(app.store.variants.p399))
    const shoppers = await Promise.all(
      carts.map(async (cartId) => {
        const form = applicantForm()
        expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).status).toBe(201)
        await shop.post(`/store/carts/${cartId}/complete`)
        const state = await waitForAction(shop, cartId, "sign_contract", 15_000)
        const { data } = await axios.get(`${sandbox.url}/__sandbox/sms`, { params: { phone: form.applicant.mobile } })
        expect(
          (
            await shop.post(`/store/carts/${cartId}/inbank/signing/confirm`, {
              subject: "contract",
              code: data.messages[0].code,
            })
          ).status,
        ).toBe(200)
        return {
          cartId,
          applicationUuid: state.application.uuid as string,
          contractUuid: state.contract.uuid as string,
        }
      }),
    )

    for (const { cartId } of shoppers) {
      const orders = await eventually(async () => {
        const found = await ordersOfCart(cartId)
        return found.length > 0 && found
      }, 60_000)
      expect(orders).toHaveLength(1)
    }

    // The merchant approves in Inbank: ACTIVATED races across both instances too.
    for (const { contractUuid } of shoppers) sandbox.bank.approveContract(contractUuid)
    for (const { cartId } of shoppers) {
      const [order] = await ordersOfCart(cartId)
      await eventually(async () => (await capturesOfOrder(order.id)) > 0, 60_000)
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000))

    for (const { cartId } of shoppers) {
      const orders = await ordersOfCart(cartId)
      expect(orders).toHaveLength(1)
      expect(await capturesOfOrder(orders[0].id)).toBe(1)
    }
    const { rows: callbacks } = await db.query(
      `select application_uuid, type, status, processed_at, attempts from inbank_callback where application_uuid = any($1)`,
      [shoppers.map((s) => s.applicationUuid)],
    )
    // POSITIVE, UNSIGNED, SIGNED, ACTIVATION_REQUIRES_PARTNER_APPROVAL, ACTIVATED for each application.
    expect(callbacks).toHaveLength(SHOPPERS * 5)
    expect(callbacks.filter((c) => c.processed_at === null)).toEqual([])
    expect(callbacks.filter((c) => c.attempts !== 1)).toEqual([])
    // Six deliveries of each callback: exactly one was taken as new, on one instance or the other.
    const taken = fanOut.deliveries.filter((d) => d.status === 200 && !d.duplicate)
    expect(fanOut.deliveries.filter((d) => d.status !== 200)).toEqual([])
    expect(taken).toHaveLength(callbacks.length)
    expect(fanOut.deliveries).toHaveLength(callbacks.length * 6)
    expect(new Set(fanOut.deliveries.map((d) => d.target)).size).toBe(2)
    // The instances really shared Redis: the event bus and workflow engine queues live there.
    const keys = execFileSync("redis-cli", ["-u", redis.url, "--scan"]).toString()
    expect(keys).toMatch(/^bull:/m)
  })
})
