// Builds the demo storefront (Vite) and serves it with the config it reads at start.
const path = require("node:path")
const express = require("express")

const STOREFRONT = path.resolve(__dirname, "../../demo/storefront")

async function startStorefront(port, config) {
  const { build } = await import("vite")
  await build({ configFile: path.join(STOREFRONT, "vite.config.ts"), logLevel: "warn" })
  const app = express()
  app.get("/config.json", (_req, res) => res.json(config))
  app.use(express.static(path.join(STOREFRONT, "dist")))
  const server = await new Promise((resolve) => {
    const s = app.listen(port, () => resolve(s))
  })
  return {
    url: `http://localhost:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

module.exports = { startStorefront }
