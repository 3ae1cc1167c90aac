// Medusa's test runner restores the test database from its template before every test
// (@medusajs/test-utils: DROP DATABASE, then CREATE DATABASE … WITH TEMPLATE) while the app keeps
// running with its knex pool open. PostgreSQL closes the pool's idle connections; knex discards each
// one the next time it is taken from the pool, logging "Connection Error: Connection ended
// unexpectedly" (several per test, hundreds per run), and opens a new one. Nothing fails, and the
// runner offers no way to keep the pool out of the restore: that one line is dropped, in the tests
// only. Any other knex warning, and a connection that ends with an error, still print.
const Logger = require("knex/lib/logger")

const DROPPED = "Connection Error: Connection ended unexpectedly"
const warn = Logger.prototype.warn
Logger.prototype.warn = function (message) {
  if (message !== DROPPED) warn.call(this, message)
}
