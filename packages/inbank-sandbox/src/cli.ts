#!/usr/bin/env node
import { helpText, readOptions } from "./cli-options"
import { startSandbox } from "./server"

/**
 * inbank-sandbox [--port 4010] [--host 127.0.0.1] [--api-key KEY] [--shop-uuid UUID] [--product-code CODE]
 *   [--public-url URL] [--merchant-approval] [--ais-verification] [--application-signing]
 *   [--decision-delay-ms N] [--activation-delay-ms N] [--callback-delay-ms N] [--latency-ms N] [--quiet]
 * Each flag has an environment variable; `--help` lists them with their defaults (cli-options.ts).
 */
async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2))
  if (options.help) {
    process.stdout.write(helpText())
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
