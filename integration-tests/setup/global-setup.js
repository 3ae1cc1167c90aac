const { startEmbeddedPostgres } = require("../../scripts/lib/embedded-postgres")

/** One embedded PostgreSQL for the whole run, unless the caller points at a server with DB_HOST. */
module.exports = async () => {
  if (process.env.DB_HOST) return
  const postgres = await startEmbeddedPostgres()
  // test-utils turns on SSL for any host but the word "localhost".
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(postgres.port)
  process.env.DB_USERNAME = postgres.user
  process.env.DB_PASSWORD = postgres.password
  globalThis.__INBANK_TEST_POSTGRES__ = postgres
}
