import { parseArgs } from "node:util"
import { SandboxSettingsInput, sandboxSettingsSchema } from "./settings"

const DEFAULT_PORT = 4010
const DEFAULT_HOST = "127.0.0.1"

interface FlagSpec {
  type: "string" | "boolean"
  about: string
  /** The environment variable that gives the flag when it is not on the command line. */
  env?: string
  /** The sandbox setting the flag sets; its default is the settings schema's. */
  setting?: string
  /** The default when it is not a setting's, or a setting's with no value of its own. */
  default?: string | number | boolean
}

/**
 * The command's flags. Each has an environment variable: INBANK_SANDBOX_PORT, INBANK_API_KEY,
 * INBANK_SHOP_UUID, ...; a flag given on the command line wins.
 */
const FLAGS = {
  port: { type: "string", about: "port to listen on", env: "INBANK_SANDBOX_PORT", default: DEFAULT_PORT },
  host: { type: "string", about: "address to listen on", env: "INBANK_SANDBOX_HOST", default: DEFAULT_HOST },
  "api-key": { type: "string", about: "API key partners must send", env: "INBANK_API_KEY", setting: "apiKey" },
  "shop-uuid": { type: "string", about: "shop UUID in the API paths", env: "INBANK_SHOP_UUID", setting: "shopUuid" },
  "product-code": {
    type: "string",
    about: "product code of the offers",
    env: "INBANK_PRODUCT_CODE",
    setting: "productCode",
  },
  "public-url": {
    type: "string",
    about: "address the SMS inbox, bank and printout pages are linked from",
    env: "INBANK_SANDBOX_PUBLIC_URL",
    setting: "publicUrl",
    default: "the address it listens on",
  },
  "merchant-approval": {
    type: "boolean",
    about: "contracts wait for the merchant's approval after signing",
    env: "INBANK_SANDBOX_MERCHANT_APPROVAL",
    setting: "merchantApproval",
  },
  "ais-verification": {
    type: "boolean",
    about: "after signing, the customer confirms their identity at their bank",
    env: "INBANK_SANDBOX_AIS_VERIFICATION",
    setting: "aisVerification",
  },
  "application-signing": {
    type: "boolean",
    about: "the application is signed by SMS before Inbank decides",
    env: "INBANK_SANDBOX_APPLICATION_SIGNING",
    setting: "applicationSigning",
  },
  "decision-delay-ms": {
    type: "string",
    about: "milliseconds before a complete application is decided",
    env: "INBANK_SANDBOX_DECISION_DELAY_MS",
    setting: "decisionDelayMs",
  },
  "activation-delay-ms": {
    type: "string",
    about: "milliseconds from signing (or approval) to activation",
    env: "INBANK_SANDBOX_ACTIVATION_DELAY_MS",
    setting: "activationDelayMs",
  },
  "callback-delay-ms": {
    type: "string",
    about: "milliseconds before a callback is sent",
    env: "INBANK_SANDBOX_CALLBACK_DELAY_MS",
    setting: "callbackDelayMs",
  },
  "latency-ms": {
    type: "string",
    about: "milliseconds added to every API answer",
    env: "INBANK_SANDBOX_LATENCY_MS",
    setting: "latencyMs",
  },
  quiet: { type: "boolean", about: "no log line per request", env: "INBANK_SANDBOX_QUIET", default: false },
  help: { type: "boolean", about: "print this help and exit" },
} satisfies Record<string, FlagSpec>

type Flag = keyof typeof FLAGS
const spec = (flag: string): FlagSpec => FLAGS[flag as Flag]

/** The command's options: a flag, else its environment variable, else the settings' default. */
export interface CliOptions {
  help: boolean
  port: number
  host: string
  settings: SandboxSettingsInput
}

/**
 * Reads argv (without node and the script). Throws parseArgs' TypeError on an unknown flag or a missing
 * value. Booleans in the environment are on for "1", "true" or "yes"; the *-ms flags are numbers.
 */
export function readOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(FLAGS).map(([name, { type }]) => [name, { type }])) as Record<
      Flag,
      { type: "string" | "boolean" }
    >,
    strict: true,
  })
  const value = (flag: Flag): string | boolean | undefined => {
    const given = values[flag]
    if (given !== undefined) return given
    const name = spec(flag).env
    const env = name ? process.env[name] : undefined
    if (env === undefined || env === "") return undefined
    return spec(flag).type === "boolean" ? ["1", "true", "yes"].includes(env.toLowerCase()) : env
  }
  const settings: Record<string, unknown> = { logRequests: !value("quiet") }
  for (const flag of Object.keys(FLAGS) as Flag[]) {
    const { setting, type } = spec(flag)
    if (!setting) continue
    const given = value(flag)
    if (given === undefined) continue
    settings[setting] = type === "string" && setting.endsWith("Ms") ? Number(given) : given
  }
  return {
    help: Boolean(values.help),
    port: Number(value("port") ?? DEFAULT_PORT),
    host: String(value("host") ?? DEFAULT_HOST),
    settings,
  }
}

/**
 * Each flag on two lines: its usage and what it does, then its default and environment variable
 * ("default: 4010, env: INBANK_SANDBOX_PORT"). Defaults of settings are the settings schema's.
 */
export function helpText(): string {
  const defaults: Record<string, string | number | boolean | undefined> = sandboxSettingsSchema.parse({})
  const flags = Object.entries(FLAGS).map(([name, flag]: [string, FlagSpec]) => {
    const fallback = flag.default ?? (flag.setting ? defaults[flag.setting] : undefined)
    const shown = typeof fallback === "boolean" ? (fallback ? "on" : "off") : fallback
    const notes = [shown === undefined ? "" : `default: ${shown}`, flag.env ? `env: ${flag.env}` : ""]
    return {
      usage: `--${name}${flag.type === "string" ? " VALUE" : ""}`,
      about: flag.about,
      notes: notes.filter(Boolean),
    }
  })
  const width = Math.max(...flags.map(({ usage }) => usage.length)) + 4
  const lines = flags.flatMap(({ usage, about, notes }) => [
    `  ${usage.padEnd(width - 2)}${about}`,
    ...(notes.length ? [`${" ".repeat(width)}${notes.join(", ")}`] : []),
  ])
  return [
    "Usage: inbank-sandbox [options]",
    "A flag on the command line wins over its environment variable.",
    "",
    ...lines,
    "",
  ].join("\n")
}
