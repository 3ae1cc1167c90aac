#!/usr/bin/env node
import { parseArgs } from "node:util"
import { startSandbox } from "./server"
import { SandboxSettingsInput } from "./settings"

/**
 * inbank-sandbox [--port 4010] [--host 127.0.0.1] [--api-key KEY] [--shop-uuid UUID] [--product-code CODE]
 *   [--public-url URL] [--merchant-approval] [--ais-verification] [--application-signing]
 *   [--decision-delay-ms N] [--activation-delay-ms N] [--callback-delay-ms N] [--quiet]
 * Each flag has an environment variable: INBANK_SANDBOX_PORT, INBANK_API_KEY, INBANK_SHOP_UUID, ...
 */
const FLAGS = {
  port: { type: "string", env: "INBANK_SANDBOX_PORT" },
  host: { type: "string", env: "INBANK_SANDBOX_HOST" },
  "api-key": { type: "string", env: "INBANK_API_KEY", setting: "apiKey" },
  "shop-uuid": { type: "string", env: "INBANK_SHOP_UUID", setting: "shopUuid" },
  "product-code": { type: "string", env: "INBANK_PRODUCT_CODE", setting: "productCode" },
  "public-url": { type: "string", env: "INBANK_SANDBOX_PUBLIC_URL", setting: "publicUrl" },
  "merchant-approval": { type: "boolean", env: "INBANK_SANDBOX_MERCHANT_APPROVAL", setting: "merchantApproval" },
  "ais-verification": { type: "boolean", env: "INBANK_SANDBOX_AIS_VERIFICATION", setting: "aisVerification" },
  "application-signing": { type: "boolean", env: "INBANK_SANDBOX_APPLICATION_SIGNING", setting: "applicationSigning" },
  "decision-delay-ms": { type: "string", env: "INBANK_SANDBOX_DECISION_DELAY_MS", setting: "decisionDelayMs" },
  "activation-delay-ms": { type: "string", env: "INBANK_SANDBOX_ACTIVATION_DELAY_MS", setting: "activationDelayMs" },
  "callback-delay-ms": { type: "string", env: "INBANK_SANDBOX_CALLBACK_DELAY_MS", setting: "callbackDelayMs" },
  "latency-ms": { type: "string", env: "INBANK_SANDBOX_LATENCY_MS", setting: "latencyMs" },
  quiet: { type: "boolean", env: "INBANK_SANDBOX_QUIET" },
  help: { type: "boolean" },
} as const

type Flag = keyof typeof FLAGS

function readOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [name, { type: spec.type }])) as Record<
      Flag,
      { type: "string" | "boolean" }
    >,
    strict: true,
  })
  const value = (flag: Flag): string | boolean | undefined => {
    const given = values[flag]
    if (given !== undefined) return given
    const env = "env" in FLAGS[flag] ? process.env[(FLAGS[flag] as { env: string }).env] : undefined
    if (env === undefined || env === "") return undefined
    return FLAGS[flag].type === "boolean" ? ["1", "true", "yes"].includes(env.toLowerCase()) : env
  }
  const settings: Record<string, unknown> = { logRequests: !value("quiet") }
  for (const [flag, spec] of Object.entries(FLAGS)) {
    if (!("setting" in spec)) continue
    const given = value(flag as Flag)
    if (given === undefined) continue
    settings[spec.setting] = spec.type === "string" && spec.setting.endsWith("Ms") ? Number(given) : given
  }
  return {
    help: Boolean(values.help),
    port: Number(value("port") ?? 4010),
    host: String(value("host") ?? "127.0.0.1"),
    settings: settings as SandboxSettingsInput,
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2))
  if (options.help) {
    process.stdout.write(
      `Usage: inbank-sandbox [options]\n${Object.entries(FLAGS)
        .map(
          ([name, spec]) =>
            `  --${name}${spec.type === "string" ? " VALUE" : ""}${"env" in spec ? `  (env ${spec.env})` : ""}`,
        )
        .join("\n")}\n`,
    )
    return
  }
  const sandbox = await startSandbox(options.settings, options.port, options.host)
  const { settings } = sandbox
  process.stdout.write(
    [
      `Inbank sandbox listening on ${sandbox.url}`,
      `  Partner API  ${sandbox.publicUrl}/partner/v2/shops/${settings.shopUuid}/ (and /partner/v3/)`,
      `  API key      ${settings.apiKey === "sandbox-api-key" ? settings.apiKey : "(as given)"}`,
      `  product      ${settings.productCode}`,
      `  flow         merchant approval ${settings.merchantApproval ? "on" : "off"}, AIS verification ${settings.aisVerification ? "on" : "off"}, application SMS signing ${settings.applicationSigning ? "on" : "off"}`,
      `  SMS inbox    ${sandbox.publicUrl}/sms`,
      `  control API  ${sandbox.publicUrl}/__sandbox/settings`,
      "",
    ].join("\n"),
  )
  const stop = () => void sandbox.stop().then(() => process.exit(0))
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main().catch((error: Error) => {
  process.stderr.write(`inbank-sandbox: ${error.message}\n`)
  process.exit(1)
})
