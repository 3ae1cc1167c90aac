#!/usr/bin/env node
// `npm run demo`: a Medusa store with this plugin and its admin, the Inbank sandbox, and seeded data.
// Data is kept in .demo-data/ (git-ignored), so running it again reuses the store. Ctrl-C stops everything.
const fs = require("node:fs")
const path = require("node:path")
const { Client } = require("pg")
require("ts-node").register({ transpileOnly: true, swc: true })
const { Sandbox } = require("inbank-sandbox")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")
const { prepareAppDir, setUpApp, startApp, appEnv } = require("./lib/medusa-app")
const { startStorefront } = require("./lib/storefront-server")

const DATA = path.resolve(__dirname, "../.demo-data")
const PORT = Number(process.env.DEMO_PORT ?? 9000)
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 4010)
const STOREFRONT_PORT = Number(process.env.DEMO_STOREFRONT_PORT ?? 8000)
const ADMIN = { email: "admin@sklep-demo.pl", password: "inbank-demo" }
const INBANK = {
  apiKey: "sandbox-api-key",
  shopUuid: "00000000-0000-4000-8000-000000000001",
  productCode: "hire_purchase",
}

const say = (line) => process.stdout.write(`${line}\n`)
const stops = []

async function databaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  say("• PostgreSQL (embedded, data in .demo-data/postgres)")
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(DATA, "postgres"),
    port: Number(process.env.DEMO_DB_PORT ?? 54329),
  })
  stops.push(() => pg.stop())
  const client = new Client({
    host: "localhost",
    port: pg.port,
    user: pg.user,
    password: pg.password,
    database: "postgres",
  })
  await client.connect()
  const { rowCount } = await client.query("select 1 from pg_database where datname = 'medusa_demo'")
  if (!rowCount) await client.query('create database "medusa_demo"')
  await client.end()
  return `postgres://${pg.user}:${pg.password}@localhost:${pg.port}/medusa_demo`
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true })
  const url = await databaseUrl()

  say(`• Inbank sandbox on port ${SANDBOX_PORT}`)
  const sandbox = await new Sandbox({ ...INBANK, merchantApproval: true, logRequests: false }).start(SANDBOX_PORT)
  stops.push(() => sandbox.stop())

  say(
    "• Medusa: migrating, seeding (first run only), building server and admin (only when the sources changed) — a few minutes the first time",
  )
  const appDir = path.join(DATA, "app")
  prepareAppDir(appDir)
  const env = appEnv({
    DATABASE_URL: url,
    INBANK_BASE_URL: sandbox.url,
    INBANK_BACKEND_URL: `http://localhost:${PORT}`,
    INBANK_APPLICATION_SIGNING: "false",
    JWT_SECRET: "inbank-demo-jwt",
    COOKIE_SECRET: "inbank-demo-cookie",
    STORE_CORS: `http://localhost:${STOREFRONT_PORT}`,
    // The plugin's production abuse limits (loopback is exempt from the per-address ones only).
    INBANK_RATE_LIMITS: "defaults",
  })
  const store = setUpApp(appDir, env, { seedFile: path.join(DATA, "seed.json"), admin: ADMIN })
  const app = await startApp(appDir, env, PORT)
  stops.push(() => app.stop())

  const storefront = await startStorefront(STOREFRONT_PORT, {
    backendUrl: app.url,
    publishableKey: store.publishableKey,
    regionId: store.regionId,
    sandboxUrl: sandbox.url,
  })
  stops.push(() => storefront.stop())

  say(`
Inbank demo is running.

  Storefront     ${storefront.url}   (test PESELs: 44051401359, 85050523457, 90010112349; SMS codes in the sandbox's SMS inbox)
  Admin          ${app.url}/app    login ${ADMIN.email} / ${ADMIN.password}
  Store API      ${app.url}/store  publishable key ${store.publishableKey}
  Region         Polska (PLN)  ${store.regionId}
  Products       399 PLN → positive, 2 400 PLN → negative, 15 500 PLN → positive, 50 PLN → below Inbank's range
  Offers         ${app.url}/inbank-offers?amount=399
  Inbank sandbox ${sandbox.url}  (merchant approval on)
  SMS inbox      ${sandbox.url}/sms
  Callbacks      ${app.url}/hooks/inbank

Ctrl-C stops everything; the data stays in .demo-data/ for the next run.`)
}

async function shutdown(code) {
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined)
  process.exit(code)
}

process.on("SIGINT", () => void shutdown(0))
process.on("SIGTERM", () => void shutdown(0))
main().catch((error) => {
  process.stderr.write(`demo: ${error?.stack ?? error}\n`)
  if (error?.stderr) process.stderr.write(String(error.stderr).slice(-4000))
  void shutdown(1)
})
