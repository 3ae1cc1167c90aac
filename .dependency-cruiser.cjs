/**
 * The layers of README "Architecture", enforced on every `npm test`: imports point inward only
 * (admin / api / subscribers / jobs → workflows → module → domain and the Inbank client), and the
 * workspace packages keep to themselves (packages/inbank-partner-api, packages/inbank-sandbox).
 * Tests (`__tests__`) may reach across layers to test them.
 */
const TESTS = "(^|/)__tests__/"
/** Medusa's packages, resolved or not. */
const MEDUSA = "(^|/)node_modules/@medusajs/|^@medusajs/"
/**
 * A workspace package however an import reaches it: its folder (a workspace link resolves there), node_modules,
 * or its bare name.
 */
const pkg = (name) => [`^packages/${name}/`, `(^|/)node_modules/${name}/`, `^${name}$`]
const CLIENT = pkg("inbank-partner-api")
const SANDBOX = pkg("inbank-sandbox")

module.exports = {
  forbidden: [
    {
      name: "provider-is-a-leaf",
      comment: "Medusa's payment provider is an adapter nothing imports (as @medusajs/payment-stripe).",
      severity: "error",
      from: { pathNot: ["^src/providers/", TESTS] },
      to: { path: "^src/providers/" },
    },
    {
      name: "domain-is-pure",
      comment: "src/lib/financing decides; it knows neither Medusa nor the layers that use it.",
      severity: "error",
      from: { path: "^src/lib/financing/", pathNot: TESTS },
      to: { path: [MEDUSA, "^src/(api|workflows|subscribers|jobs|admin|modules|providers)/", ...SANDBOX] },
    },
    {
      name: "inbank-client-knows-no-medusa",
      comment:
        "packages/inbank-partner-api is the Partner API client, usable on its own: nothing of Medusa, the plugin or the sandbox.",
      severity: "error",
      from: { path: "^packages/inbank-partner-api/", pathNot: TESTS },
      to: { path: [MEDUSA, "^src/", ...SANDBOX] },
    },
    {
      name: "sandbox-is-written-from-the-documents",
      comment:
        "packages/inbank-sandbox imports nothing of the client (nor of the plugin or Medusa), so that a misreading of Inbank's documents in the client is not repeated by the fake that tests it.",
      severity: "error",
      from: { path: "^packages/inbank-sandbox/" },
      to: { path: [MEDUSA, "^src/", ...CLIENT] },
    },
    {
      name: "plugin-runs-without-the-sandbox",
      comment: "The sandbox is a dev dependency of the plugin: only tests, scripts and the benchmark use it.",
      severity: "error",
      from: { path: "^src/", pathNot: TESTS },
      to: { path: SANDBOX },
    },
    {
      name: "plugin-uses-the-client-package",
      comment:
        "The plugin imports the client by its package name (`inbank-partner-api`), as a merchant's install resolves it, never its sources.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^packages/inbank-partner-api/src/" },
    },
    {
      name: "module-is-the-only-way-in",
      comment:
        "Routes, workflows, subscribers, jobs, links and the admin use the module's service and index, never its internals.",
      severity: "error",
      from: { path: "^src/(api|workflows|subscribers|jobs|links|admin)/", pathNot: TESTS },
      to: { path: "^src/modules/inbank/", pathNot: "^src/modules/inbank/(index|service)\\.ts$" },
    },
    {
      name: "module-does-not-reach-out",
      comment: "The module knows the domain and the client, not who calls it.",
      severity: "error",
      from: { path: "^src/modules/" },
      to: { path: "^src/(api|workflows|subscribers|jobs|links|admin|providers)/" },
    },
    {
      name: "workflows-do-not-reach-out",
      comment: "Workflows are run by routes, subscribers and jobs; they import none of them.",
      severity: "error",
      from: { path: "^src/workflows/" },
      to: { path: "^src/(api|subscribers|jobs|admin)/" },
    },
    {
      name: "no-circular",
      comment: "Type-only cycles vanish at compile time and are allowed.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^packages/[^/]+/dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
}
