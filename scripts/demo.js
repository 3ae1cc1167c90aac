// `npm run demo` starts a Medusa store with this plugin, the Inbank sandbox and seeded data.
// It arrives with the demo store; until then, say so plainly instead of failing obscurely.
process.stderr.write(
  "The demo store (Medusa + Inbank sandbox + seed data) is not part of this version yet.\n" +
    "Run `npm test` to see the plugin work against a real Medusa and PostgreSQL.\n"
)
process.exit(1)
