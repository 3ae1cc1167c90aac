import express, { Router } from "express"
import { z } from "zod"
import { DECISION_STATUS_VALUES } from "../vocabulary"
import { SandboxError } from "../errors"
import { faultSchema } from "../faults"
import type { Sandbox } from "../server"
import { settingsPatchSchema } from "../settings"

const decisionSchema = z.object({ decisionStatus: z.enum(DECISION_STATUS_VALUES) }).strict()
const terminationSchema = z.object({ reason: z.string().min(1).default("withdrawal") }).strict()

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  throw new SandboxError(
    422,
    result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
  )
}

/** /__sandbox: settings, faults, logs, the SMS inbox as JSON, reset, and what Inbank's staff would do. */
export function controlApi(sandbox: Sandbox): Router {
  const router = express.Router()
  const { state } = sandbox.bank

  router.get("/settings", (_req, res) => {
    res.json({ ...sandbox.settings, apiKey: "[hidden]" })
  })

  router.patch("/settings", (req, res) => {
    const given = parse(settingsPatchSchema, req.body)
    // Only what was sent: the schema's defaults must not reset the other settings.
    const patch = Object.fromEntries(Object.entries(given).filter(([key]) => key in (req.body ?? {})))
    sandbox.updateSettings(patch)
    res.json({ ...sandbox.settings, apiKey: "[hidden]" })
  })

  router.get("/faults", (_req, res) => {
    res.json({ faults: sandbox.faults.list() })
  })
  router.post("/faults", (req, res) => {
    const fault = parse(faultSchema, req.body)
    sandbox.faults.add(fault)
    res.status(201).json({ fault })
  })
  router.delete("/faults", (_req, res) => {
    sandbox.faults.clear()
    res.status(204).end()
  })

  router.get("/requests", (req, res) => {
    const endpoint = req.query.endpoint
    res.json({ requests: endpoint ? state.requests.filter((r) => r.endpoint === endpoint) : state.requests })
  })
  /** Reads against the polling rule (read-ledger.ts), kept across resets. */
  router.get("/early-rereads", (_req, res) => {
    res.json({ early_rereads: sandbox.earlyReReads })
  })
  router.get("/callbacks", (_req, res) => {
    res.json({ callbacks: state.callbacks })
  })
  router.get("/sms", (req, res) => {
    const phone = typeof req.query.phone === "string" ? req.query.phone.trim() : ""
    res.json({
      messages: state.sms
        .filter((m) => !phone || m.phone === phone)
        .slice()
        .reverse(),
    })
  })

  router.post("/reset", (_req, res) => {
    sandbox.reset()
    res.status(204).end()
  })

  router.get("/applications/:uuid", (req, res) => {
    const application = sandbox.bank.application(req.params.uuid)
    const contract = application.contractUuid ? state.contracts.get(application.contractUuid) : undefined
    res.json({
      uuid: application.uuid,
      stage: application.stage,
      decisionStatus: application.decisionStatus,
      incomeProofReceived: application.incomeProofReceived,
      attachments: application.attachments,
      contract: contract && { uuid: contract.uuid, status: contract.status, processStatus: contract.processStatus },
    })
  })
  router.post("/applications/:uuid/decision", (req, res) => {
    const { decisionStatus } = parse(decisionSchema, req.body)
    const application = sandbox.bank.forceDecision(req.params.uuid, decisionStatus)
    res.json({ uuid: application.uuid, decisionStatus: application.decisionStatus })
  })
  router.post("/contracts/:uuid/terminate", (req, res) => {
    const { reason } = parse(terminationSchema, req.body)
    const contract = sandbox.bank.terminateContract(req.params.uuid, reason)
    res.json({ uuid: contract.uuid, status: contract.status })
  })

  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!(error instanceof SandboxError)) return next(error)
    res.status(error.status).json({ error: error.messages })
  })
  return router
}
