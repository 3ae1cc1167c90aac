#!/usr/bin/env node
// `npm run bench`: Medusa (built, production mode) + this plugin + the Inbank sandbox, measured side by side.
// Prints a markdown table and writes it to bench/results.md. BENCH_SANDBOX_LATENCY_MS (default 50) is the
// sandbox's answer time; BENCH_SECONDS (default 10) the length of each load run; BENCH_ONLY=checkout (or
// callbacks, offers) measures that alone in the production layout and prints its rows; BENCH_CHECKOUT_RUNS
// (default 21) how many checkouts it measures. The Inbank calls per checkout step without building Medusa:
// npm run test:integration -- integration-tests/http/checkout-calls.spec.ts
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { execFileSync } = require("node:child_process")
const autocannon = require("autocannon")
const axios = require("axios")
const getPort = require("get-port")
const { Client } = require("pg")
require("ts-node").register({ transpileOnly: true, swc: true })
const { signCallback } = require("inbank-partner-api")
const { startEmbeddedPostgres } = require("../scripts/lib/embedded-postgres")
const { prepareAppDir, setUpApp, startApp, appEnv, medusa } = require("../scripts/lib/medusa-app")
const { startRedis } = require("../integration-tests/fixtures/redis")
const { Sandbox } = require("inbank-sandbox")

const LATENCY_MS = Number(process.env.BENCH_SANDBOX_LATENCY_MS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/**
 * One measure alone, in the production layout: "checkout", "callbacks" or "offers" (nothing written to
 * bench/results.md).
 */
const ONLY = process.env.BENCH_ONLY
const CHECKOUT_RUNS = Number(process.env.BENCH_CHECKOUT_RUNS ?? 21)
/** Checkouts run first and not counted: the first ones pay for cold caches (Inbank's products, Medusa's queries). */
const CHECKOUT_WARMUP = 2
const API_KEY = "sandbox-api-key"
const say = (line) => process.stderr.write(`${line}\n`)
const ratio = (a, b) => `${Math.round((100 * a) / b)} %`
const stops = []

async function createDatabase(pg, name) {
  const client = new Client({
    host: "localhost",
    port: pg.port,
    user: pg.user,
    password: pg.password,
    database: "postgres",
  })
  await client.connect()
  await client.query(`create database "${name}"`)
  await client.end()
  return `postgres://${pg.user}:${pg.password}@localhost:${pg.port}/${name}`
}

/** Resident memory of a process group (medusa start and anything it spawned), in MB. */
function rssMb(pgid) {
  const lines = execFileSync("ps", ["-e", "-o", "pgid=,rss="]).toString().trim().split("\n")
  const kb = lines
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([group]) => group === pgid)
    .reduce((sum, [, rss]) => sum + rss, 0)
  return Math.round(kb / 1024)
}

async function settledRss(app) {
  for (let i = 0; i < 200; i++) await axios.get(`${app.url}/health`)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  return rssMb(app.pid)
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, connections: 10, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })
}

/**
 * POSTs at a steady rate, one every 1000 / rate ms whatever the answers (loadtest's open model), as
 * Inbank's callbacks arrive. Not autocannon: its rate limit sends each second's requests at once as
 * fast as its connections go, and its latency correction for rated runs uses an expected interval of
 * Math.ceil(1 / rate) = 1 ms (autocannon 8, lib/run.js), counting a d-ms answer d times.
 */
async function steadyLoad({ url, rate, contentType, body, seconds = SECONDS }) {
  const { loadTest } = await import("loadtest")
  const result = await loadTest({
    url,
    method: "POST",
    contentType,
    body,
    requestsPerSecond: rate,
    maxSeconds: seconds,
    agentKeepAlive: true,
    quiet: true,
  })
  return {
    latency: { p50: result.percentiles[50], p99: result.percentiles[99] },
    requests: { average: result.effectiveRps },
    errors: result.totalErrors,
  }
}

const callbackBody = (uuid, { forged = false } = {}) => {
  const message = JSON.stringify({ type: "DECISION", status: "POSITIVE", creditApplicationUuid: uuid })
  const timestamp = String(Date.now())
  const hmac = signCallback(forged ? "not-the-key" : API_KEY, timestamp, message)
  return new URLSearchParams({ message, timestamp, hmac }).toString()
}
const FORM = { "content-type": "application/x-www-form-urlencoded" }

async function benchCallbacks(app) {
  const url = `${app.url}/hooks/inbank`
  const valid = {
    url,
    method: "POST",
    headers: FORM,
    requests: [{ setupRequest: (req) => ({ ...req, body: callbackBody(crypto.randomUUID()) }) }],
  }
  const builtInRoute = {
    url: `${app.url}/hooks/payment/inbank_inbank`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  }
  // Not counted: right after boot, a server's first major garbage collections stall each route's first
  // load once for 100–300 ms (measured), which is not its steady state.
  await load({ ...valid, duration: 3 })
  await load({ ...builtInRoute, duration: 3 })
  // Steady before the floods: their backlog of writes (PostgreSQL's checkpoints, the worker's queue) is not a steady
  // state.
  const steady = { url, rate: 200, contentType: FORM["content-type"], body: () => callbackBody(crypto.randomUUID()) }
  await steadyLoad({ ...steady, seconds: 3 })
  const atRate = await steadyLoad(steady)
  const [maxValid, builtIn, health] = await inTurns([valid, builtInRoute, { url: `${app.url}/health` }])
  const duplicate = await load({ url, method: "POST", headers: FORM, body: callbackBody(crypto.randomUUID()) })
  const forged = await load({
    url,
    method: "POST",
    headers: FORM,
    requests: [{ setupRequest: (req) => ({ ...req, body: callbackBody(crypto.randomUUID(), { forged: true }) }) }],
  })
  return { atRate, maxValid, duplicate, forged, health, builtIn }
}

/**
 * Routes compared by throughput, loaded in turns (a, b, c, a, b, c, a, b, c; SECONDS / 2 each): this
 * machine's own speed drifts by tens of percent from one ten-second run to the next, and turns give
 * each route the same share of it. Requests per second over each route's turns together; p99 the worst turn's.
 */
async function inTurns(runs, rounds = 3) {
  const totals = runs.map(() => ({ requests: 0, seconds: 0, p99: 0 }))
  for (let round = 0; round < rounds; round++) {
    for (const [i, options] of runs.entries()) {
      const result = await load({ ...options, duration: SECONDS / 2 })
      totals[i].requests += result.requests.total
      totals[i].seconds += result.duration
      totals[i].p99 = Math.max(totals[i].p99, result.latency.p99)
    }
  }
  return totals.map((total) => ({ requests: { average: total.requests / total.seconds }, latency: { p99: total.p99 } }))
}

/**
 * Added to the benchmark's copy of the app only: the least a `/store` route can do, Medusa's `/store` stack alone (what
 * the offers route stays out of).
 */
const EMPTY_STORE_ROUTE = "/store/bench-empty"
function addEmptyStoreRoute(dir) {
  const routeDir = path.join(dir, "src/api", EMPTY_STORE_ROUTE)
  fs.mkdirSync(routeDir, { recursive: true })
  fs.writeFileSync(
    path.join(routeDir, "route.ts"),
    `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"\nexport const GET = async (_req: MedusaRequest, res: MedusaResponse) => {\n  res.json({})\n}\n`,
  )
}

async function benchOffers(app, store, sandbox) {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const offers = (amount) => axios.get(`${app.url}/inbank-offers`, { params: { amount } })
  await offers("399")
  // Not counted, as for the callbacks: the first load after boot pays for the server's first major collections.
  await load({ url: `${app.url}/inbank-offers?amount=399`, duration: 3 })
  const [warm, emptyStore, health] = await inTurns([
    { url: `${app.url}/inbank-offers?amount=399` },
    { url: `${app.url}${EMPTY_STORE_ROUTE}`, headers },
    { url: `${app.url}/health` },
  ])
  const calculations = async () => (await sandbox.requests("createCalculation")).length
  const before = await calculations()
  const amounts = Array.from({ length: 10 }, (_, i) => `${600 + i * 111}.00`)
  const requests = 1000
  // Shoppers, each at an address of their own: one client may ask only a few new amounts a minute (offersLimits).
  const asked = (i) =>
    axios.get(`${app.url}/inbank-offers`, {
      params: { amount: amounts[i % amounts.length] },
      headers: { "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
    })
  for (let i = 0; i < requests; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => asked(i + j)))
  const calls = (await calculations()) - before
  return {
    warm,
    emptyStore,
    health,
    requests,
    distinct: amounts.length,
    calls,
    flood: await benchOfferFlood(app, calculations),
  }
}

/**
 * The plugin's default share of Inbank calculations per minute and process for amounts that are not catalogue prices
 * (offersLimits).
 */
const OTHER_AMOUNT_CALCULATIONS_PER_MINUTE = 180
const FLOOD_AMOUNTS = 10_000

/**
 * 10 000 distinct made-up amounts inside Inbank's range, 50 at a time, each from its own client address
 * (X-Forwarded-For, which Medusa believes one hop deep: what a botnet, or anyone without a proxy in
 * front of Medusa, can send), while a shopper keeps asking the 399 PLN product. Counts the Inbank
 * calculations they cost against their bound: the other amounts' share of every budget window the
 * flood touched (fixed windows of a minute: ⌈seconds / 60⌉ + 1 of them at most).
 */
async function benchOfferFlood(app, calculations) {
  const ask = (amount, client) =>
    axios.get(`${app.url}/inbank-offers`, {
      params: { amount },
      headers: client ? { "x-forwarded-for": client } : {},
      validateStatus: () => true,
    })
  const before = await calculations()
  const statuses = {}
  const realPrice = { asked: 0, answered: 0 }
  const started = process.hrtime.bigint()
  for (let i = 0; i < FLOOD_AMOUNTS; i += 50) {
    const batch = Array.from({ length: 50 }, (_, j) =>
      ask(`${1000 + i + j}.37`, `10.${(i + j) >> 8}.${(i + j) & 255}.7`),
    )
    const shopper = ask("399")
    for (const { status } of await Promise.all(batch)) statuses[status] = (statuses[status] ?? 0) + 1
    realPrice.asked += 1
    if ((await shopper).status === 200) realPrice.answered += 1
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const calls = (await calculations()) - before
  // A catalogue price nobody asked yet still gets its calculations: catalogue prices draw on the rest of the budget.
  const newPrice = await ask("2400")
  const bound = OTHER_AMOUNT_CALCULATIONS_PER_MINUTE * (Math.ceil(seconds / 60) + 1)
  return {
    amounts: FLOOD_AMOUNTS,
    seconds,
    calls,
    bound,
    statuses,
    realPrice,
    newPrice: { status: newPrice.status, offers: newPrice.data.offers?.length ?? 0 },
  }
}

function shopper(app, store) {
  const http = axios.create({
    baseURL: app.url,
    headers: { "x-publishable-api-key": store.publishableKey },
    validateStatus: () => true,
  })
  let person = 0
  const pesel = (serial) => {
    const digits = `85${String(1 + (serial % 12)).padStart(2, "0")}${String(1 + (serial % 28)).padStart(2, "0")}${String(serial % 10000).padStart(4, "0")}`
    const sum = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((acc, w, i) => acc + w * Number(digits[i]), 0)
    return digits + String((10 - (sum % 10)) % 10)
  }
  return {
    http,
    async cart(variantId) {
      const { data } = await http.post("/store/carts", {
        region_id: store.regionId,
        email: "bench@example.com",
        items: [{ variant_id: variantId, quantity: 1 }],
        shipping_address: {
          first_name: "Jan",
          last_name: "B",
          address_1: "Polna 1",
          city: "Łódź",
          postal_code: "90-001",
          country_code: "pl",
        },
      })
      await http.post(`/store/carts/${data.cart.id}/shipping-methods`, { option_id: store.shippingOptionId })
      return data.cart.id
    },
    form() {
      person += 1
      return {
        period: 12,
        applicant: {
          identity_code: pesel(person + 3000),
          first_name: "Jan",
          last_name: "Bench",
          document_type: "id_card",
          document_number: `BEN${String(100000 + person)}`,
          mobile: `+48600${String(300000 + person)}`,
          email: `bench.${person}.${Date.now()}@example.com`,
          address: { street: "Polna", house_number: "1", city: "Łódź", postal_code: "90-001", country_code: "pl" },
          monthly_income: "6000",
          monthly_obligations: "0",
        },
        consents: [{ type: "DATA_PROCESSING", value: true, text: "Zgoda" }],
      }
    },
  }
}

async function benchPolling(app, store, sandbox) {
  const shop = shopper(app, store)
  await sandbox.updateSettings({ decisionDelayMs: 10 * 60_000 })
  const cartId = await shop.cart(store.variants.p399)
  await shop.http.post(`/store/carts/${cartId}/inbank/application`, shop.form())
  const reads = async () => (await sandbox.requests("getApplication")).length
  const before = await reads()
  const result = await load({
    url: `${app.url}/store/carts/${cartId}/inbank`,
    headers: { "x-publishable-api-key": store.publishableKey },
    connections: 100,
  })
  await sandbox.updateSettings({ decisionDelayMs: 0 })
  return { result, perSecond: ((await reads()) - before) / SECONDS }
}

/** The time at least one of these Inbank calls was in the sandbox (calls made at once overlap). */
function timeInFlight(calls) {
  const spans = calls.map((call) => [Date.parse(call.at) - call.ms, Date.parse(call.at)]).sort((a, b) => a[0] - b[0])
  let total = 0
  let reached = -Infinity
  for (const [start, end] of spans) {
    total += Math.max(0, end - Math.max(start, reached))
    reached = Math.max(reached, end)
  }
  return total
}

/** One run's steps: each one's wall time, and the time its Inbank calls spent in the sandbox. */
function stepTimer(sandbox) {
  const steps = {}
  const step = async (name, run) => {
    const firstRequest = (await sandbox.requests()).length
    const started = process.hrtime.bigint()
    const answer = await run()
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6
    const calls = (await sandbox.requests()).slice(firstRequest)
    steps[name] = { wallMs, sandboxMs: timeInFlight(calls), calls: calls.length }
    return answer
  }
  const total = (key) => Object.values(steps).reduce((sum, s) => sum + s[key], 0)
  return {
    step,
    done: () => ({ wallMs: total("wallMs"), sandboxMs: total("sandboxMs"), calls: total("calls"), steps }),
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function medianSteps(runs) {
  return Object.keys(runs[0].steps).map((name) => ({
    name,
    wall: median(runs.map((r) => r.steps[name].wallMs)),
    sandbox: median(runs.map((r) => r.steps[name].sandboxMs)),
    calls: median(runs.map((r) => r.steps[name].calls)),
  }))
}

/**
 * Application to order, as the shopper's browser does it without the shopper's own pauses, each run
 * paired with a run of the same cart paid by Medusa's own system provider (Medusa's part of a checkout,
 * without Inbank): interleaved, the two see the same load on the machine.
 */
async function benchCheckout(app, store, sandbox) {
  const shop = shopper(app, store)
  const runs = []
  const baseline = []
  for (let i = 0; i < CHECKOUT_WARMUP; i++) {
    await inbankCheckout(shop, store, sandbox)
    await systemCheckout(shop, store, sandbox)
  }
  for (let i = 0; i < CHECKOUT_RUNS; i++) {
    runs.push(await inbankCheckout(shop, store, sandbox))
    baseline.push(await systemCheckout(shop, store, sandbox))
  }
  return {
    wall: median(runs.map((r) => r.wallMs)),
    sandboxTime: median(runs.map((r) => r.sandboxMs)),
    medusaTime: median(baseline.map((r) => r.wallMs)),
    overhead: median(runs.map((r, i) => r.wallMs - r.sandboxMs - baseline[i].wallMs)),
    calls: median(runs.map((r) => r.calls)),
    steps: medianSteps(runs),
    baselineSteps: medianSteps(baseline),
  }
}

async function inbankCheckout(shop, store, sandbox) {
  const cartId = await shop.cart(store.variants.p399)
  const form = shop.form()
  const { step, done } = stepTimer(sandbox)
  const applied = await step("application", () => shop.http.post(`/store/carts/${cartId}/inbank/application`, form))
  if (applied.data.inbank?.next_action.type !== "complete_cart")
    throw new Error(`no offer after the application: ${JSON.stringify(applied.data)}`)
  await step("accept and send code", () =>
    shop.http.post(`/store/carts/${cartId}/inbank/signing`, { subject: "contract" }),
  )
  const code = await sandbox.smsCode(form.applicant.mobile)
  const confirmed = await step("confirmation", () =>
    shop.http.post(`/store/carts/${cartId}/inbank/signing/confirm`, { subject: "contract", code }),
  )
  if (confirmed.status !== 200) throw new Error(`code refused: ${JSON.stringify(confirmed.data)}`)
  const order = await step("completion", () => shop.http.post(`/store/carts/${cartId}/complete`))
  if (order.data.type !== "order") throw new Error(`checkout did not end in an order: ${JSON.stringify(order.data)}`)
  return done()
}

async function systemCheckout(shop, store, sandbox) {
  const cartId = await shop.cart(store.variants.p399)
  const { step, done } = stepTimer(sandbox)
  const { data } = await step("payment collection", () =>
    shop.http.post(`/store/payment-collections`, { cart_id: cartId }),
  )
  await step("payment session", () =>
    shop.http.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    }),
  )
  const order = await step("completion", () => shop.http.post(`/store/carts/${cartId}/complete`))
  if (order.data.type !== "order") throw new Error(`baseline checkout failed: ${JSON.stringify(order.data)}`)
  return done()
}

/**
 * The sandbox in this process, as the measures use it. Measured: in its own process it took the CPU the
 * load generator and Medusa's worker need on a 2-CPU machine (valid callbacks ≈ 815 vs ≈ 990 req/s).
 */
async function startSandbox() {
  const sandbox = await new Sandbox({
    apiKey: API_KEY,
    latencyMs: LATENCY_MS,
    logRequests: false,
    merchantApproval: true,
  }).start(await getPort())
  const { state } = sandbox.bank
  return {
    url: sandbox.url,
    /** Inbank API requests the sandbox answered, oldest first (each with its endpoint and `ms`). */
    requests: async (endpoint) => (endpoint ? state.requests.filter((r) => r.endpoint === endpoint) : state.requests),
    /** The newest SMS code sent to `phone`. */
    smsCode: async (phone) => state.sms.filter((m) => m.phone === phone).at(-1).code,
    updateSettings: async (patch) => sandbox.updateSettings(patch),
    stop: () => sandbox.stop(),
  }
}

async function main() {
  say(`Benchmark: sandbox latency ${LATENCY_MS} ms, ${SECONDS} s per load run`)
  const pg = await startEmbeddedPostgres()
  stops.push(() => pg.stop())
  const sandbox = await startSandbox()
  stops.push(() => sandbox.stop())
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "inbank-bench-"))
  stops.push(() => fs.rmSync(root, { recursive: true, force: true }))

  const bareRss = ONLY ? null : await measureBareMemory(root, pg)

  say("• Medusa with the plugin: migrate, seed, build")
  const dir = path.join(root, "app")
  prepareAppDir(dir)
  addEmptyStoreRoute(dir)
  const env = appEnv({
    DATABASE_URL: await createDatabase(pg, "bench_app"),
    INBANK_ADMIN: "false",
    INBANK_BASE_URL: sandbox.url,
    INBANK_BACKEND_URL: "",
    INBANK_APPLICATION_SIGNING: "false",
  })
  const admin = { email: "bench@sklep.test", password: "bench-123" }
  const store = setUpApp(dir, env, { seedFile: path.join(dir, "seed.json"), admin })

  let single = {}
  if (!ONLY) {
    say("• Medusa's defaults: one process, local event bus, no caching module")
    const app = await startApp(dir, env, await getPort())
    single = {
      pluginRss: await settledRss(app),
      singleCallbacks: await benchCallbacks(app),
      singleOffers: await benchOffers(app, store, sandbox),
    }
    await app.stop()
  }

  say(
    "• Medusa's production layout: Redis event bus, workflow engine, locking and caching; an HTTP server and a worker",
  )
  const redis = await startRedis()
  stops.push(() => redis.stop())
  const scaled = { ...env, REDIS_URL: redis.url, MEDUSA_FF_CACHING: "true" }
  const app = await startApp(dir, { ...scaled, MEDUSA_WORKER_MODE: "server" }, await getPort())
  stops.push(() => app.stop())
  const worker = await startApp(dir, { ...scaled, MEDUSA_WORKER_MODE: "worker" }, await getPort())
  stops.push(() => worker.stop())
  // The checkout baseline pays with Medusa's own system provider: enable it next to Inbank.
  const { data: login } = await axios.post(`${app.url}/auth/user/emailpass`, admin)
  await axios.post(
    `${app.url}/admin/regions/${store.regionId}`,
    { payment_providers: ["pp_inbank_inbank", "pp_system_default"] },
    { headers: { authorization: `Bearer ${login.token}` } },
  )

  if (ONLY) {
    const measures = {
      checkout: async () => checkoutRows(await benchCheckout(app, store, sandbox)),
      callbacks: async () => callbackRows("production", await benchCallbacks(app)),
      offers: async () => offersRows("production", await benchOffers(app, store, sandbox)),
    }
    if (!measures[ONLY]) throw new Error(`BENCH_ONLY must be one of ${Object.keys(measures).join(", ")}`)
    say(`• ${ONLY}`)
    process.stdout.write(`\n${await measures[ONLY]()}\n`)
    return
  }
  // Callbacks last: the worker then still drains their queue, which would disturb the other measures.
  say("• offers")
  const offers = await benchOffers(app, store, sandbox)
  say("• polling")
  const polling = await benchPolling(app, store, sandbox)
  say("• checkout")
  const checkout = await benchCheckout(app, store, sandbox)
  say("• callbacks")
  const callbacks = await benchCallbacks(app)

  const table = resultsTable({ bareRss, ...single, callbacks, offers, polling, checkout })
  process.stdout.write(`\n${table}`)
  fs.writeFileSync(
    path.join(__dirname, "results.md"),
    `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.\n\n${table}`,
  )
}

async function measureBareMemory(root, pg) {
  say("• Medusa without the plugin (memory baseline)")
  const bareDir = path.join(root, "bare")
  prepareAppDir(bareDir)
  // No plugin code at all: an empty src/ and no test fixtures (they import the plugin).
  for (const entry of fs.readdirSync(path.join(bareDir, "src")))
    fs.rmSync(path.join(bareDir, "src", entry), { recursive: true })
  fs.rmSync(path.join(bareDir, "integration-tests"), { recursive: true })
  const bareEnv = appEnv({
    DATABASE_URL: await createDatabase(pg, "bench_bare"),
    INBANK_ADMIN: "false",
    INBANK_PLUGIN: "off",
  })
  medusa(bareDir, bareEnv, ["db:migrate"])
  medusa(bareDir, bareEnv, ["build"])
  const bare = await startApp(bareDir, bareEnv, await getPort())
  const rss = await settledRss(bare)
  await bare.stop()
  return rss
}

function checkoutRows(checkout) {
  return `| 4 | one full checkout (application → order with the payment authorized, merchant approval on; median of ${CHECKOUT_RUNS}, production) | ${checkout.wall.toFixed(0)} ms wall = ${checkout.sandboxTime.toFixed(0)} ms waiting for the sandbox + ${checkout.medusaTime.toFixed(0)} ms Medusa's own checkout (same cart paid with \`pp_system_default\`) + ${checkout.overhead.toFixed(0)} ms the plugin (median of the runs' own differences); ${checkout.calls} Inbank calls (the flow needs 5: create, accept, start signing, confirm, one contract read; the offer's calculation is cached) | plugin < 50 ms |
| 4 | the same checkout by step (median; wall, of which sandbox, Inbank calls) | ${checkout.steps.map((s) => `${s.name} ${s.wall.toFixed(0)} ms (${s.sandbox.toFixed(0)} ms, ${s.calls})`).join("; ")} | |
| 4 | Medusa's own checkout by step (median) | ${checkout.baselineSteps.map((s) => `${s.name} ${s.wall.toFixed(0)} ms`).join("; ")} | |`
}

const rps = (result) => Math.round(result.requests.average)
const clean = (result) =>
  result.non2xx || result.errors ? ` (${result.non2xx ?? 0} non-2xx, ${result.errors} errors)` : ""

function callbackRows(label, c) {
  return `| 1 | ${label}: valid distinct callbacks arriving steadily at 200 req/s | p50 ${c.atRate.latency.p50} ms, p99 ${c.atRate.latency.p99} ms, ${rps(c.atRate)} req/s${clean(c.atRate)} | p99 < 50 ms |
| 1 | ${label}: valid distinct callbacks, as fast as they go | ${rps(c.maxValid)} req/s = ${ratio(rps(c.maxValid), rps(c.builtIn))} of Medusa's \`POST /hooks/payment/:provider\` (${rps(c.builtIn)} req/s) and ${ratio(rps(c.maxValid), rps(c.health))} of \`GET /health\` (${rps(c.health)} req/s); p99 ${c.maxValid.latency.p99} ms | ≥ 70 % of the built-in route |
| 1 | ${label}: one callback repeated (duplicates: verified, not stored, not processed) | ${rps(c.duplicate)} req/s = ${ratio(rps(c.duplicate), rps(c.builtIn))} of the built-in route; p99 ${c.duplicate.latency.p99} ms | |
| 1 | ${label}: forged (wrong HMAC, 401) | ${rps(c.forged)} req/s = ${ratio(rps(c.forged), rps(c.builtIn))} of the built-in route; p99 ${c.forged.latency.p99} ms | |`
}

function offersRows(label, o) {
  return `| 2 | ${label}: \`GET /inbank-offers\`, warm cache | ${rps(o.warm)} req/s = ${ratio(rps(o.warm), rps(o.health))} of \`GET /health\` (${rps(o.health)} req/s); an empty \`/store\` route, for comparison: ${rps(o.emptyStore)} req/s = ${ratio(rps(o.emptyStore), rps(o.health))} of /health | ≥ 80 % of /health |
${floodRow(label, o.flood)}`
}

function floodRow(label, f) {
  const answers = Object.entries(f.statuses)
    .map(([status, n]) => `${n} × ${status}`)
    .join(", ")
  return `| 2 | ${label}: ${f.amounts.toLocaleString("en")} distinct amounts → Inbank calls (50 at a time, each from its own address, in ${f.seconds.toFixed(0)} s) | ${f.calls} Inbank calculation calls (answers: ${answers}); meanwhile the 399 PLN product answered ${f.realPrice.answered} of ${f.realPrice.asked} times; then 2 400 PLN, never asked before: ${f.newPrice.status} with ${f.newPrice.offers} offers | ≤ ${f.bound} (${OTHER_AMOUNT_CALCULATIONS_PER_MINUTE} per started minute and process) |`
}

function resultsTable({ bareRss, pluginRss, singleCallbacks, singleOffers, callbacks, offers, polling, checkout }) {
  const cpus = os.cpus()
  return `Machine: ${cpus[0].model.trim()}, ${cpus.length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.type()} ${os.release()}; everything on it (PostgreSQL, Redis, the sandbox and the load generator too).
Medusa 2.21.2 built and started in production mode; embedded PostgreSQL 17; sandbox latency ${LATENCY_MS} ms; ${SECONDS} s per load run (autocannon, 10 connections, unless said; the steady 200 req/s with loadtest, one request every 5 ms whatever the answers; each route's first load after boot warmed up first and not counted; valid callbacks, Medusa's webhook route and /health, and then offers, the empty \`/store\` route and /health, loaded in turns of ${SECONDS / 2} s, three each).
"Defaults" = one Medusa process with Medusa's default modules (local event bus: every callback is processed in the process that answers it).
"Production" = Medusa's recommended layout: Redis event bus, workflow engine and locking, the caching module, one HTTP server (\`workerMode: "server"\`) and one worker (\`workerMode: "worker"\`).
Valid distinct callbacks name applications Inbank does not know (each is stored, queued — those recorded within 10 ms in one event — and processed: one Inbank lookup, then recorded as unknown).

| # | measure | result | target |
|---|---|---|---|
${callbackRows("defaults", singleCallbacks)}
${callbackRows("production", callbacks)}
${offersRows("defaults", singleOffers)}
${offersRows("production", offers)}
| 2 | offers: ${offers.requests} requests over ${offers.distinct} distinct amounts | ${offers.calls} Inbank calculation calls (${offers.distinct} amounts × 9 periods, then none) | |
| 3 | state route, 100 concurrent pollers on one cart for ${SECONDS} s | ${rps(polling.result)} req/s served; ${polling.perSecond.toFixed(2)} Inbank requests/s | ≤ 1 per second |
${checkoutRows(checkout)}
| 5 | Medusa resident memory after boot + 200 requests (defaults) | ${bareRss} MB without the plugin, ${pluginRss} MB with it (${pluginRss >= bareRss ? "+" : "−"}${Math.abs(pluginRss - bareRss)} MB; run-to-run noise is about ±30 MB) | |
`
}

async function shutdown(code) {
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined)
  process.exit(code)
}

main().then(
  () => shutdown(0),
  (error) => {
    process.stderr.write(`bench: ${error?.stack ?? error}\n`)
    if (error?.stderr) process.stderr.write(String(error.stderr).slice(-4000))
    void shutdown(1)
  },
)
