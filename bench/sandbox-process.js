// The Inbank sandbox in its own process, driven through its control API: answering the Medusa worker's
// Inbank calls must not take CPU from the load generator's event loop, as it would in the same process.
const path = require("node:path")
const { spawn } = require("node:child_process")
const axios = require("axios")
const getPort = require("get-port")

const ROOT = path.join(__dirname, "..")

async function startSandboxProcess({ apiKey, latencyMs }) {
  const port = await getPort()
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register", "src/sandbox/cli.ts", "--port", String(port), "--api-key", apiKey, "--latency-ms", String(latencyMs), "--merchant-approval", "--quiet"],
    { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_SWC: "true" }, stdio: ["ignore", "ignore", "inherit"] }
  )
  const url = `http://127.0.0.1:${port}`
  const control = axios.create({ baseURL: `${url}/__sandbox` })
  for (const until = Date.now() + 30_000; ; ) {
    try {
      await control.get("/settings")
      break
    } catch (error) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`the sandbox did not start: ${error.message}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return {
    url,
    /** Inbank API requests the sandbox answered, oldest first (each with its endpoint and `ms`). */
    requests: async (endpoint) => (await control.get("/requests", { params: { endpoint } })).data.requests,
    /** The newest SMS code sent to `phone`. */
    smsCode: async (phone) => (await control.get("/sms", { params: { phone } })).data.messages[0].code,
    updateSettings: (patch) => control.patch("/settings", patch),
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGTERM")))),
  }
}

module.exports = { startSandboxProcess }
