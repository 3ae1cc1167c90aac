import type { ResolvedInbankOptions } from "../../lib/plugin-options"

/** The plugin's options as routes, workflows and jobs may read them: everything but the API key. */
export type InbankSettings = Readonly<Omit<ResolvedInbankOptions, "apiKey">>

/** The options without the API key, frozen with the objects they hold (rateLimits, offersLimits, lists). */
export function settingsOf({ apiKey: _secret, ...settings }: ResolvedInbankOptions): InbankSettings {
  return deepFreeze(settings)
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === "object") deepFreeze(inner)
  return Object.freeze(value)
}
