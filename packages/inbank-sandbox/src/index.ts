export { Sandbox, startSandbox } from "./server"
export type { SandboxSettings, SandboxSettingsInput } from "./settings"
export type { Fault } from "./faults"
export type { EarlyReRead } from "./read-ledger"
