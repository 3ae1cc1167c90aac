import fs from "node:fs"
import path from "node:path"
import type { SecurityContext } from "./context"

/** Every admin route the plugin ships, read from src/api/admin: a new route is covered without editing this test. */
export function adminRoutes(): { method: string; url: string }[] {
  const root = path.resolve(__dirname, "../../../src/api")
  const found: { method: string; url: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const url = "/" + path.relative(root, dir).replace(/\[[^\]]+\]/g, "order_01SECURITYTEST")
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|DELETE)\b/g)) found.push({ method, url })
      }
    }
  }
  walk(path.join(root, "admin"))
  return found
}

/** Staff routes reached without being staff, or from another origin with the staff's cookie. */
export function staffAttacks(ctx: SecurityContext) {
  it("answers 401 on every admin route without a session or token", async () => {
    const routes = adminRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const { method, url } of routes) {
      const response = await ctx.api.request({ method, url, data: {}, validateStatus: () => true, headers: { "x-publishable-api-key": ctx.store().publishableKey } })
      expect(`${method} ${url} ${response.status}`).toBe(`${method} ${url} 401`)
    }
  })
}
