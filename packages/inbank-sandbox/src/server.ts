import express, { Express, Response } from "express"
import { createServer, Server } from "node:http"
import type { AddressInfo } from "node:net"
import { SandboxBank } from "./bank"
import { FaultRegistry } from "./faults"
import type { EarlyReRead } from "./read-ledger"
import { controlApi } from "./routes/control-api"
import { pages } from "./routes/pages"
import { partnerApi } from "./routes/partner-api"
import { SandboxSettings, SandboxSettingsInput, sandboxSettingsSchema } from "./settings"

/**
 * A local Inbank Partner API: the 17 endpoints in both dialects, the demo's decision rules,
 * SMS inbox, bank (AIS) redirect pages, signed callbacks, fault injection and a control API.
 * State lives in memory.
 */
export class Sandbox {
  settings: SandboxSettings
  readonly bank: SandboxBank
  readonly faults = new FaultRegistry()
  readonly app: Express
  private readonly initialSettings: SandboxSettings
  private server?: Server
  private readonly held = new Set<Response>()

  constructor(settings: SandboxSettingsInput = {}) {
    this.settings = sandboxSettingsSchema.parse(settings)
    this.initialSettings = this.settings
    this.bank = new SandboxBank(() => this.settings)
    this.app = this.buildApp()
  }

  /** Where the sandbox's pages are linked from: `publicUrl`, else the address it listens on. */
  get publicUrl(): string {
    return (this.settings.publicUrl ?? this.url).replace(/\/+$/, "")
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined
    if (!address) return "http://127.0.0.1"
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address
    return `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`
  }

  async start(port = 0, host = "127.0.0.1"): Promise<this> {
    this.server = createServer(this.app)
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject)
      this.server!.listen(port, host, () => resolve())
    })
    return this
  }

  async stop(): Promise<void> {
    this.bank.timers.clear()
    for (const res of this.held) res.socket?.destroy()
    this.held.clear()
    const server = this.server
    if (!server) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Back to a fresh sandbox: no applications, messages, logs or faults; the start settings. */
  reset(): void {
    this.bank.reset()
    this.faults.clear()
    this.settings = this.initialSettings
    for (const res of this.held) res.socket?.destroy()
    this.held.clear()
  }

  /**
   * GETs of an application or contract made against the vendor's polling rule since the sandbox
   * started (read-ledger.ts), oldest first; `reset()` keeps them.
   */
  get earlyReReads(): EarlyReRead[] {
    return this.bank.reads.earlyReReads
  }

  /**
   * A callback about the application sent on Inbank's behalf by someone else (a test signing its
   * own with the API key): the read ledger counts it as sent by the sandbox.
   */
  callbackSentElsewhere(applicationUuid: string): void {
    this.bank.reads.callback(this.bank.ledgerEntities("application", applicationUuid, "write")).done(true)
  }

  updateSettings(patch: Partial<SandboxSettings>): void {
    this.settings = { ...this.settings, ...patch }
  }

  /** A request the "timeout" fault never answers. */
  holdOpen(res: Response): void {
    this.held.add(res)
    res.on("close", () => this.held.delete(res))
  }

  private buildApp(): Express {
    const app = express()
    app.disable("x-powered-by")
    app.use((req, res, next) => {
      const started = process.hrtime.bigint()
      res.on("close", () => {
        const entry = {
          at: new Date().toISOString(),
          method: req.method,
          path: req.originalUrl.split("?")[0],
          endpoint: (res.locals.endpoint as string | undefined) ?? null,
          version: (res.locals.version as string | undefined) ?? null,
          status: res.headersSent ? res.statusCode : 0,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          fault: (res.locals.fault as string | undefined) ?? null,
        }
        if (entry.path.startsWith("/__sandbox")) return
        this.bank.state.requests.push(entry)
        if (this.settings.logRequests) {
          process.stdout.write(
            `${entry.method} ${entry.path} ${entry.status || "-"} ${entry.ms.toFixed(0)}ms${entry.fault ? ` fault=${entry.fault}` : ""}\n`,
          )
        }
      })
      next()
    })
    app.use(express.json({ limit: "1mb" }))
    app.use(express.urlencoded({ extended: false, limit: "100kb" }))
    app.use("/__sandbox", controlApi(this))
    app.use(pages(this))
    app.use(partnerApi(this))
    app.use(
      (
        err: Error & { status?: number; type?: string },
        _req: express.Request,
        res: Response,
        _next: express.NextFunction,
      ) => {
        const status = err.status && err.status < 500 ? err.status : 500
        res.status(status).json({ error: [status === 500 ? "Internal Server Error" : err.message] })
      },
    )
    return app
  }
}

export async function startSandbox(
  settings: SandboxSettingsInput = {},
  port = 0,
  host = "127.0.0.1",
): Promise<Sandbox> {
  return new Sandbox(settings).start(port, host)
}
