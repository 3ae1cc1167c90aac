// A real Medusa app running this plugin with its built admin, as `medusa build` + `medusa start`
// make it: used by `npm run demo` and by the admin browser test.
const { execFileSync, spawn } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const axios = require("axios")

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

/** A copy of the project the app is built from, so building never touches the plugin's own `.medusa`. */
function prepareAppDir(dir) {
  fs.mkdirSync(dir, { recursive: true })
  for (const entry of ["package.json", "medusa-config.ts", "src", "integration-tests"]) {
    fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true })
  }
  if (!fs.existsSync(path.join(dir, "node_modules")))
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"))
  // An app build compiles medusa-config.ts, which the plugin's own tsconfig leaves out.
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  tsconfig.include = ["src/**/*", "medusa-config.ts", "integration-tests/fixtures/**/*"]
  tsconfig.exclude = ["node_modules", ".medusa", "src/admin", "**/__tests__"]
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig))
}

function medusa(dir, env, args, options = {}) {
  return execFileSync(MEDUSA, args, { cwd: dir, env, stdio: options.stdio ?? "pipe", timeout: 600_000 })
}

/** A digest of everything `medusa build` reads in `dir` (and whether the admin is built). */
function buildInputsDigest(dir, env) {
  const hash = crypto.createHash("sha256").update(`admin=${env.INBANK_ADMIN}\n`)
  const add = (file) => {
    if (fs.statSync(file).isDirectory())
      return fs
        .readdirSync(file)
        .sort()
        .forEach((entry) => add(path.join(file, entry)))
    hash.update(`${path.relative(dir, file)}\n`).update(fs.readFileSync(file))
  }
  for (const entry of ["package.json", "medusa-config.ts", "tsconfig.json", "src", "integration-tests/fixtures"])
    add(path.join(dir, entry))
  add(path.join(ROOT, "package-lock.json"))
  return hash.digest("hex")
}

/**
 * Migrates; seeds the store (once, `seedFile` remembers it); creates the admin user; builds server and
 * admin unless nothing the build reads changed since the last build in `dir` (a demo restart skips it).
 */
function setUpApp(dir, env, { seedFile, admin }) {
  medusa(dir, env, ["db:migrate"])
  if (!fs.existsSync(seedFile)) {
    medusa(dir, { ...env, INBANK_SEED_OUTPUT: seedFile }, ["exec", "./integration-tests/fixtures/seed-for-exec.ts"])
    medusa(dir, env, ["user", "-e", admin.email, "-p", admin.password])
  }
  const digestFile = path.join(dir, ".medusa", "build-inputs.sha256")
  const digest = buildInputsDigest(dir, env)
  const built =
    fs.existsSync(path.join(dir, ".medusa/server")) &&
    fs.existsSync(digestFile) &&
    fs.readFileSync(digestFile, "utf8") === digest
  if (!built) {
    medusa(dir, env, ["build"])
    fs.writeFileSync(digestFile, digest)
  }
  return JSON.parse(fs.readFileSync(seedFile, "utf8"))
}

/**
 * `medusa start` from the build (`bin`: another app's medusa CLI), in its own process group; resolves once /health
 * answers.
 */
async function startApp(dir, env, port, { inherit = false, bin = MEDUSA } = {}) {
  const child = spawn(bin, ["start"], {
    cwd: path.join(dir, ".medusa/server"),
    env: { ...env, PORT: String(port) },
    stdio: inherit ? "inherit" : "ignore",
    detached: true,
  })
  const url = `http://localhost:${port}`
  const until = Date.now() + 120_000
  for (;;) {
    try {
      if ((await axios.get(`${url}/health`)).status === 200) break
    } catch {
      if (child.exitCode !== null) throw new Error(`Medusa exited with ${child.exitCode}`)
      if (Date.now() > until) throw new Error("Medusa did not answer /health in 2 minutes")
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const signal = (name) => {
    try {
      process.kill(-child.pid, name)
    } catch {
      /* already gone */
    }
  }
  return {
    url,
    pid: child.pid,
    /**
     * SIGTERM to the group; SIGKILL if Medusa has not exited 10 s later (its shutdown can wait forever on a Redis that
     * is gone).
     */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      signal("SIGTERM")
      const timer = setTimeout(() => signal("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Environment of the app: production serves the built admin; INBANK_ADMIN lets its cookie work over http. */
function appEnv(extra) {
  return { ...process.env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", INBANK_ADMIN: "true", ...extra }
}

module.exports = { prepareAppDir, setUpApp, startApp, appEnv, medusa }
