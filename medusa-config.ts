// Test-only Medusa app: the plugin's own src/ (api, subscribers, modules, workflows) is this
// app's code, and the provider is registered from source. Not shipped (see tsconfig).
import { defineConfig, Modules } from "@medusajs/framework/utils"

// Every test calls from this machine; the security spec's per-IP attacks come with an X-Forwarded-For
// address (Medusa trusts one proxy hop), so loopback is exempt from the per-IP limits.
const LOOPBACK = ["127.0.0.1", "::1"]
// INBANK_RATE_LIMITS=defaults (security.spec.ts): the plugin's production limits. The other spec files
// make many applications and retry with one applicant, so for them every limit is far above their use.
const unlimited = { points: 1_000_000, windowSeconds: 1 }
const RATE_LIMITS =
  process.env.INBANK_RATE_LIMITS === "defaults"
    ? { exemptIps: LOOPBACK }
    : {
        exemptIps: LOOPBACK,
        application: { perIp: unlimited, perCart: unlimited, perIdentity: unlimited, perPhone: unlimited },
        smsSend: { perIp: unlimited, perApplication: unlimited, perPhone: unlimited },
        codeConfirm: { perIp: unlimited, perApplication: unlimited, perIdentity: unlimited },
      }

// Tests start the sandbox first and point INBANK_BASE_URL at it.
const INBANK_TEST_OPTIONS = {
  apiKey: process.env.INBANK_API_KEY ?? "sandbox-api-key",
  shopUuid: process.env.INBANK_SHOP_UUID ?? "00000000-0000-4000-8000-000000000001",
  productCode: process.env.INBANK_PRODUCT_CODE ?? "hire_purchase",
  baseUrl: process.env.INBANK_BASE_URL ?? "http://127.0.0.1:4010",
  signingMethod: (process.env.INBANK_SIGNING_METHOD ?? "sms") as "sms" | "digital" | "paper",
  applicationSigning: process.env.INBANK_APPLICATION_SIGNING === "true",
  backendUrl: process.env.INBANK_BACKEND_URL || undefined,
  // The fault suite shortens the client's timeout so that "no answer" cases end quickly.
  ...(process.env.INBANK_TIMEOUT_MS && { requestTimeoutMs: Number(process.env.INBANK_TIMEOUT_MS) }),
  // The security spec shortens the upload deadline so that its trickling uploads are cut within a test.
  ...(process.env.INBANK_UPLOAD_TIMEOUT_SECONDS && {
    uploadTimeoutSeconds: Number(process.env.INBANK_UPLOAD_TIMEOUT_SECONDS),
  }),
  // The SMS resend cooldown is off unless a spec sets it (the specs send codes back to back).
  smsResendSeconds: Number(process.env.INBANK_SMS_RESEND_SECONDS ?? 0),
  rateLimits: RATE_LIMITS,
}

// With REDIS_URL, the modules Medusa recommends for running several instances on one database:
// Redis event bus, workflow engine and locking (the two-instance test uses this).
const REDIS_URL = process.env.REDIS_URL
const SCALE_MODULES = REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", key: Modules.EVENT_BUS, options: { redisUrl: REDIS_URL } },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        key: Modules.WORKFLOW_ENGINE,
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        key: Modules.LOCKING,
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

// MEDUSA_FF_CACHING=true: Medusa's caching module (in memory), which caches, among others, the
// publishable-key lookup every /store request makes (the benchmark measures with and without).
const CACHING_MODULES =
  process.env.MEDUSA_FF_CACHING === "true"
    ? [{ resolve: "@medusajs/medusa/caching", key: Modules.CACHING, options: { in_memory: { enable: true } } }]
    : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    // "server" (HTTP only) / "worker" (subscribers and jobs only) / "shared" (both, the default).
    workerMode: (process.env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server",
    // The browser test serves the built admin over plain http://localhost: a Secure cookie would be dropped.
    ...(process.env.INBANK_ADMIN === "true" && { cookieOptions: { secure: false, sameSite: "lax" as const } }),
    http: {
      // The demo storefront runs on its own origin (STORE_CORS); the store API tests call from Node, and
      // their bank step returns to https://sklep.test (return_url must be on a storeCors origin).
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000,https://sklep.test",
      // Medusa's admin dev server; the built admin is served by Medusa itself (same origin).
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET ?? "integration-test",
      cookieSecret: process.env.COOKIE_SECRET ?? "integration-test",
    },
  },
  // The browser test builds and serves the admin (INBANK_ADMIN=true); integration tests do not need it.
  admin: { disable: process.env.INBANK_ADMIN !== "true" },
  modules: [
    ...SCALE_MODULES,
    // Staff learn of contracts awaiting their approval in the admin's notification feed (the bell): a
    // notification provider must serve the "feed" channel. This is Medusa's default; a store that
    // configures the notification module itself (e-mail providers) must keep it (README "Staff notifications").
    {
      resolve: "@medusajs/medusa/notification",
      key: Modules.NOTIFICATION,
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Admin feed", channels: ["feed"] },
          },
        ],
      },
    },
    ...CACHING_MODULES,
    // INBANK_PLUGIN=off: the same store without the plugin (the benchmark's memory baseline).
    ...(process.env.INBANK_PLUGIN === "off"
      ? []
      : [
          // A plugin's modules get the plugin's options; here the plugin is this source tree.
          { resolve: "./src/modules/inbank", options: INBANK_TEST_OPTIONS },
          {
            resolve: "@medusajs/medusa/payment",
            key: Modules.PAYMENT,
            options: {
              providers: [{ resolve: "./src/providers/inbank", id: "inbank", options: INBANK_TEST_OPTIONS }],
            },
          },
        ]),
  ],
})
