import { createHmac } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "../../fixtures/eventually"
import { placeInbankOrder } from "../../fixtures/shopper"
import type { SecurityContext } from "./context"

interface Published {
  name: string
  data: { application_uuid?: string }
}

/**
 * Forged and replayed Inbank callbacks (docs/security.md, "Callbacks"). The signer is written from the direct
 * API guide ("Callback authenticity validation": hex HMAC-SHA512 keyed by the API key over
 * `timestamp + "." + message`), not taken from the plugin.
 */
export function callbackAttacks(ctx: SecurityContext) {
  const published: Published[] = []
  const listener = async (event: Published) => void published.push(event)
  const context = { subscriberId: "security-callbacks-attacks" }
  beforeAll(() =>
    ctx
      .getContainer()
      .resolve(Modules.EVENT_BUS)
      .subscribe("*", listener as any, context),
  )
  afterAll(() =>
    ctx
      .getContainer()
      .resolve(Modules.EVENT_BUS)
      .unsubscribe("*", listener as any, context),
  )
  const eventsOf = (uuid: string) =>
    published.filter((e) => e.name.startsWith("inbank.") && e.data?.application_uuid === uuid).map((e) => e.name)

  const sign = (timestamp: string, message: string) =>
    createHmac("sha512", ctx.apiKey).update(`${timestamp}.${message}`).digest("hex")
  const message = (type: string, status: string, uuid: string) =>
    JSON.stringify({ type, status, creditApplicationUuid: uuid })
  /** A genuine callback as Inbank sends it (and an attacker on the path captures it). */
  const genuine = (json: string, timestamp = String(Date.now())) =>
    `message=${encodeURIComponent(json)}&hmac=${sign(timestamp, json)}&timestamp=${timestamp}`
  const post = (body: string) => {
    noteGenuine(body)
    return ctx.api.post("/hooks/inbank", body, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      validateStatus: () => true,
    })
  }
  /**
   * A callback signed with the key is one Inbank sent: the sandbox's read ledger may count reads after it as prompted.
   */
  const noteGenuine = (body: string) => {
    const fields = new URLSearchParams(body)
    const [json, timestamp] = [fields.get("message"), fields.get("timestamp")]
    if (!json || !timestamp || fields.get("hmac") !== sign(timestamp, json)) return
    try {
      const uuid = JSON.parse(json).creditApplicationUuid
      if (typeof uuid === "string") ctx.sandbox.callbackSentElsewhere(uuid)
    } catch {
      // not JSON: refused before anything is read
    }
  }
  const callbackRows = async (uuid: string) =>
    (
      await ctx.dbConnection.raw(
        `select status, sent_at, processed_at from inbank_callback where application_uuid = ?`,
        [uuid],
      )
    ).rows
  const inbankRequests = () => ctx.sandbox.bank.state.requests.length

  /** A placed order whose contract is signed and waits for the merchant's approval (not activated). */
  async function signedOrder() {
    ctx.sandbox.updateSettings({ merchantApproval: true })
    try {
      const order = await placeInbankOrder(ctx.shop(), ctx.store().variants.p399, ctx.code)
      ctx.remember(order.form)
      const { inbank } = (await ctx.shop().get(`/store/carts/${order.cartId}/inbank`)).data
      return {
        ...order,
        applicationUuid: inbank.application.uuid as string,
        contractUuid: inbank.contract.uuid as string,
      }
    } finally {
      ctx.sandbox.updateSettings({ merchantApproval: false })
    }
  }

  it("a polluted callback form (a field repeated or named in encoding) is refused with 400 and changes nothing", async () => {
    const { applicationUuid } = await signedOrder()
    const captured = genuine(message("CONTRACT", "SIGNED", applicationUuid))
    const forged = encodeURIComponent(message("CONTRACT", "ACTIVATED", applicationUuid))
    const timestamp = /timestamp=(\d+)/.exec(captured)![1]
    // The same callback signed over the still-encoded message, as the vendor's Postman example may.
    const signedJson = encodeURIComponent(message("CONTRACT", "SIGNED", applicationUuid))
    const capturedEncoded = `message=${signedJson}&hmac=${sign(timestamp, signedJson)}&timestamp=${timestamp}`
    const bodies = [
      // The attack, verbatim: the HMAC matched the literal message=, the first decoded one was used.
      `%6Dessage=${forged}&${capturedEncoded}`,
      `%6Dessage=${forged}&${captured}`,
      `${captured}&%6Dessage=${forged}`,
      `messag%65=${forged}&${captured}`,
      `message%00=${forged}&${captured}`,
      `message[]=${forged}&${captured}`,
      `Message=${forged}&${captured}`,
      `message=${forged}&${captured}`,
      `${captured}&message=${forged}`,
      `${captured}&hmac=${sign(timestamp, message("CONTRACT", "ACTIVATED", applicationUuid))}`,
      `${captured}&timestamp=${timestamp}`,
    ]
    const requestsBefore = inbankRequests()
    const answers = []
    for (const body of bodies) answers.push(await post(body))
    expect(answers.map((answer) => [answer.status, answer.data.code])).toEqual(
      bodies.map(() => [400, "callback_form_invalid"]),
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await callbackRows(applicationUuid)).toEqual([])
    expect(inbankRequests()).toBe(requestsBefore)
    expect(eventsOf(applicationUuid)).toEqual([])

    // The captured callback alone is genuine and accepted: the refusals above were the pollution's.
    expect((await post(captured)).status).toBe(200)
    expect(await callbackRows(applicationUuid)).toHaveLength(1)
  })

  it("a signed claim of activation Inbank does not confirm emits no inbank.contract.activated and spends no later genuine callback's key; a replay changes nothing", async () => {
    const { applicationUuid, contractUuid, orderId } = await signedOrder()
    const payment = async () => {
      const { data } = await ctx
        .getContainer()
        .resolve("query")
        .graph({
          entity: "order",
          fields: ["payment_collections.payments.captured_at"],
          filters: { id: orderId },
        })
      return data[0].payment_collections[0].payments[0]
    }

    // The claim: ACTIVATED, while Inbank's contract is only signed and waits for the merchant.
    const claimedAt = Date.now() - 60_000
    expect((await post(genuine(message("CONTRACT", "ACTIVATED", applicationUuid), String(claimedAt)))).status).toBe(200)
    await eventually(async () => (await callbackRows(applicationUuid)).some((row: any) => row.processed_at))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(eventsOf(applicationUuid)).toContain("inbank.contract.activation_requires_partner_approval")
    expect(eventsOf(applicationUuid)).not.toContain("inbank.contract.activated")
    expect((await payment()).captured_at).toBeNull()

    // Inbank activates (the merchant approved in its portal) and says so: processed, not a duplicate.
    ctx.sandbox.bank.approveContract(contractUuid)
    await eventually(async () => ctx.sandbox.bank.state.contracts.get(contractUuid)?.status === "activated")
    const activation = genuine(message("CONTRACT", "ACTIVATED", applicationUuid))
    const answer = await post(activation)
    expect([answer.status, answer.data.duplicate]).toEqual([200, undefined])
    await eventually(async () => (await payment()).captured_at !== null)
    await eventually(async () => eventsOf(applicationUuid).includes("inbank.contract.activated"))

    // Replayed within the window: a duplicate, no Inbank call, no second event.
    const requestsBefore = inbankRequests()
    const replays = await Promise.all([post(activation), post(activation)])
    expect(replays.map((replay) => [replay.status, replay.data.duplicate])).toEqual([
      [200, true],
      [200, true],
    ])
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await callbackRows(applicationUuid)).toHaveLength(2)
    expect(inbankRequests()).toBe(requestsBefore)
    expect(eventsOf(applicationUuid).filter((name) => name === "inbank.contract.activated")).toHaveLength(1)
  })

  it("refuses a signed callback whose application id is not a UUID, without asking Inbank", async () => {
    const requestsBefore = inbankRequests()
    for (const id of ["../../products", "59d2194c-634f-4632-91b6-300b58e628ce/cancel", "1"]) {
      const answer = await post(genuine(message("DECISION", "POSITIVE", id)))
      expect([answer.status, answer.data.code]).toEqual([400, "callback_message_invalid"])
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(inbankRequests()).toBe(requestsBefore)
    expect(
      (
        await ctx.dbConnection.raw(
          `select id from inbank_callback where application_uuid like '%/%' or application_uuid = '1'`,
        )
      ).rows,
    ).toEqual([])
  })
}
