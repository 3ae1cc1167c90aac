/**
 * The layers of README "Architecture", enforced on every `npm test`: imports point inward only
 * (admin / api / subscribers / jobs → workflows → module → domain and the Inbank client).
 * Tests (`__tests__`) may reach across layers to test them.
 */
const TESTS = "(^|/)__tests__/"
/** Medusa's packages, resolved or not. */
const MEDUSA = "(^|/)node_modules/@medusajs/|^@medusajs/"

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
      to: { path: [MEDUSA, "^src/(api|workflows|subscribers|jobs|admin|modules|providers|sandbox)/"] },
    },
    {
      name: "inbank-client-knows-no-medusa",
      comment: "src/lib/inbank is the Partner API client, usable on its own.",
      severity: "error",
      from: { path: "^src/lib/inbank/", pathNot: TESTS },
      to: { path: [MEDUSA, "^src/(?!lib/inbank/)"] },
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
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    exclude: { path: "^src/sandbox/" },
  },
}
