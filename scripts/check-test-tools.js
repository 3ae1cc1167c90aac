// `npm test` (pretest): the browser test drives Debian's Chromium and the two-instance test starts
// redis-server. When one is missing, say the one command that installs them, and stop before the
// run fails on it minutes later. Nothing is installed from here (`.ci/run` installs them on CI).
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")

/** The path journey.spec.ts launches. */
const CHROMIUM = "/usr/bin/chromium"

const missing = [
  !fs.existsSync(CHROMIUM) && "chromium",
  !process.env.REDIS_URL && spawnSync("redis-server", ["--version"]).error && "redis-server",
].filter(Boolean)

if (missing.length) {
  console.error(
    `npm test needs ${missing.join(" and ")}. Install with:\n\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(" ")}\n`,
  )
  process.exit(1)
}
