import BigNumber from "bignumber.js"
import express, { NextFunction, Request, Response, Router } from "express"
import multer from "multer"
import { SandboxError, unprocessable } from "../errors"
import { readBody, SandboxVersion, spellPath, writeBody } from "../dialect"
import type { Fault } from "../faults"
import type { Sandbox } from "../server"
import { BANKS } from "../bank"
import { schedule } from "../calculator"
import {
  applicationRequest,
  calculationRequest,
  confirmationRequest,
  parseRequest,
  retrievalRequest,
  signingRequest,
} from "../validation"
import { applicationView, contractView, createdApplicationView, signingView } from "../views"

interface Context {
  version: SandboxVersion
  /** The JSON body (v2 keys read as v3's camelCase) or the multipart fields, as the validation schemas take it. */
  body: Record<string, unknown>
  params: Record<string, string>
  query: Record<string, unknown>
  files: Express.Multer.File[]
  sandbox: Sandbox
}

interface Route {
  endpoint: string
  method: "get" | "post" | "patch"
  /** v2 spelling, relative to /partner/<version>/shops/:shopUuid. */
  path: string
  handle: (ctx: Context) => unknown
  multipart?: boolean
}

/**
 * The 17 endpoints of the partner API reference 2024-07-19 and the direct API guide 2025-02-25. Each has a
 * stable name (`endpoint`) that the request log, the control API's faults and the SMS inbox use.
 */
const ROUTES: Route[] = [
  {
    endpoint: "createCalculation",
    method: "post",
    path: "/calculations",
    handle: ({ body, version, sandbox }) => {
      const input = parseRequest(calculationRequest, body, version)
      const settings = sandbox.settings
      checkProduct(input.productCode, settings.productCode, version)
      const amount = new BigNumber(input.amount)
      if (amount.lt(settings.minAmount) || amount.gt(settings.maxAmount)) {
        throw unprocessable(`amount must be between ${settings.minAmount} and ${settings.maxAmount}`)
      }
      if (input.period < settings.minPeriod || input.period > settings.maxPeriod) {
        throw unprocessable(`period must be between ${settings.minPeriod} and ${settings.maxPeriod}`)
      }
      const offer = schedule(input.amount, input.period, settings.interestRateAnnual)
      return {
        productCode: input.productCode,
        amount: offer.amount,
        period: offer.period,
        paymentDay: input.paymentDay ?? 15,
        currency: "PLN",
        paymentAmountMonthly: offer.paymentAmountMonthly,
        interestRateAnnual: offer.interestRateAnnual,
        creditCostRateAnnual: offer.creditCostRateAnnual,
        totalCost: offer.totalCost,
        totalCostOfCredit: offer.totalCostOfCredit,
      }
    },
  },
  {
    endpoint: "listProducts",
    method: "get",
    path: "/products",
    handle: ({ sandbox: { settings } }) => ({
      products: [
        {
          code: settings.productCode,
          name: "Raty Inbank",
          type: "loan",
          subtype: "hire_purchase",
          minAmount: settings.minAmount,
          maxAmount: settings.maxAmount,
          minPeriod: settings.minPeriod,
          maxPeriod: settings.maxPeriod,
        },
      ],
    }),
  },
  {
    endpoint: "createApplication",
    method: "post",
    path: "/applications",
    handle: ({ body, version, sandbox }) => {
      const input = parseRequest(applicationRequest, body, version)
      const credit = input.creditApplication
      checkProduct(credit.productCode, sandbox.settings.productCode, version)
      const application = sandbox.bank.createApplication({
        amount: credit.amount,
        period: credit.period,
        paymentDay: credit.paymentDay,
        monthlyIncome: credit.monthlyIncome,
        callbackUrl: input.partnerUrls?.callbackUrl,
        purchase: input.purchase,
        applicant: {
          identityCode: input.customer.identityCode,
          firstName: input.customer.firstName,
          lastName: input.customer.lastName,
          mobile: input.customerContact.mobile,
          email: input.customerContact.email,
          documentType: input.customerIdentification.documentType,
          documentNumber: input.customerIdentification.documentNumber,
        },
      })
      return createdApplicationView(application, credit.productCode)
    },
  },
  {
    endpoint: "startApplicationSigning",
    method: "post",
    path: "/applications/:uuid/signings",
    handle: ({ body, version, params, sandbox }) => {
      const { method } = parseRequest(signingRequest, body, version)
      const application = sandbox.bank.startApplicationSigning(params.uuid, method)
      return {
        creditApplication: { uuid: application.uuid, number: application.number, confirmedAt: application.confirmedAt },
      }
    },
  },
  {
    endpoint: "confirmApplicationSigning",
    method: "patch",
    path: "/applications/:uuid/signings",
    handle: ({ body, version, params, sandbox }) => {
      const { confirmationCode } = parseRequest(confirmationRequest, body, version)
      const application = sandbox.bank.confirmApplicationSigning(params.uuid, confirmationCode)
      return signingView(application.uuid, application.number, "sms", application.confirmedAt)
    },
  },
  {
    endpoint: "getApplication",
    method: "get",
    path: "/applications/:uuid",
    handle: ({ params, sandbox }) =>
      applicationView(sandbox.bank.application(params.uuid), sandbox.bank.state, sandbox.settings),
  },
  {
    endpoint: "listBanks",
    method: "get",
    path: "/account_statements/bank_list",
    handle: ({ query, version, sandbox }) => {
      const uuid = query[version === "v2" ? "application_uuid" : "applicationUuid"]
      if (typeof uuid !== "string" || !uuid)
        throw unprocessable(`${version === "v2" ? "application_uuid" : "applicationUuid"} is missing`)
      sandbox.bank.application(uuid)
      return { bankList: BANKS }
    },
  },
  {
    endpoint: "initiateRetrieval",
    method: "post",
    path: "/account_statements/initiate_retrieval",
    handle: ({ body, version, sandbox }) => {
      const input = parseRequest(retrievalRequest, body, version)
      const retrieval = sandbox.bank.initiateRetrieval(input)
      return { retrievalId: retrieval.id, redirectUrl: `${sandbox.publicUrl}/ais/${retrieval.id}` }
    },
  },
  {
    endpoint: "uploadAttachments",
    method: "post",
    path: "/applications/:uuid/attachments",
    multipart: true,
    handle: ({ body, files, params, sandbox }) => {
      const application = sandbox.bank.uploadIncomeProof(
        params.uuid,
        files
          .filter((file) => file.fieldname === "attachments[]")
          .map((file) => ({ filename: file.originalname, size: file.size })),
        typeof body.type === "string" ? body.type : "",
      )
      return { attachments: application.attachments }
    },
  },
  {
    endpoint: "acceptApplication",
    method: "post",
    path: "/applications/:uuid/accept",
    handle: ({ params, sandbox }) => ({ contract: { uuid: sandbox.bank.acceptApplication(params.uuid).uuid } }),
  },
  {
    endpoint: "cancelApplication",
    method: "post",
    path: "/applications/:uuid/cancel",
    handle: ({ params, sandbox }) => {
      sandbox.bank.cancelApplication(params.uuid)
      return undefined
    },
  },
  {
    endpoint: "getContractPrintout",
    method: "get",
    path: "/contracts/:uuid/printouts",
    handle: ({ params, query, sandbox }) => {
      const contract = sandbox.bank.contract(params.uuid)
      if (String(query.force_regeneration ?? query.forceRegeneration) === "true")
        sandbox.bank.regeneratePrintout(contract)
      return { uuid: contract.printoutUuid, link: `${sandbox.publicUrl}/printouts/${contract.printoutUuid}` }
    },
  },
  {
    endpoint: "startContractSigning",
    method: "post",
    path: "/contracts/:uuid/signings",
    handle: ({ body, version, params, sandbox }) => {
      const { method } = parseRequest(signingRequest, body, version)
      const contract = sandbox.bank.startContractSigning(params.uuid, method)
      return { contract: { uuid: contract.uuid, number: contract.number, status: contract.status } }
    },
  },
  {
    endpoint: "confirmContractSigning",
    method: "patch",
    path: "/contracts/:uuid/signings",
    handle: ({ body, version, params, sandbox }) => {
      const { confirmationCode } = parseRequest(confirmationRequest, body, version)
      const contract = sandbox.bank.confirmContractSigning(params.uuid, confirmationCode)
      return signingView(contract.uuid, contract.number, "sms", contract.signedAt)
    },
  },
  {
    endpoint: "getContract",
    method: "get",
    path: "/contracts/:uuid",
    handle: ({ params, sandbox }) => contractView(sandbox.bank.contract(params.uuid), sandbox.settings.productCode),
  },
  {
    endpoint: "approveContract",
    method: "post",
    path: "/contracts/:uuid/merchant_approval",
    handle: ({ params, sandbox }) => {
      sandbox.bank.approveContract(params.uuid)
      return undefined
    },
  },
  {
    endpoint: "cancelContract",
    method: "post",
    path: "/contracts/:uuid/cancel",
    handle: ({ params, sandbox }) => {
      sandbox.bank.cancelContract(params.uuid)
      return undefined
    },
  },
]

function checkProduct(given: string, expected: string, version: SandboxVersion): void {
  if (given !== expected) {
    throw unprocessable(`${version === "v2" ? "product_code" : "productCode"} is not a product of this shop`)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function sendError(res: Response, error: SandboxError): void {
  res.status(error.status).json({ error: error.messages })
}

function applyFault(fault: Fault, req: Request, res: Response, sandbox: Sandbox): void {
  res.locals.fault = fault.kind
  switch (fault.kind) {
    case "error":
      res.status(fault.status).json({
        error: [fault.status >= 500 ? "Internal Server Error" : "Error has occurred, contact customer support"],
      })
      return
    case "malformed":
      res.status(200).type("application/json").send('{"credit_application": {"uuid": ')
      return
    case "reset":
      req.socket.destroy()
      return
    case "timeout":
      // No answer at all: the connection stays open until the client gives up or the sandbox stops.
      sandbox.holdOpen(res)
      return
  }
}

/** What the read ledger (read-ledger.ts) counts of each endpoint: GETs of an entity and writes to one. */
const LEDGER: Record<string, { access: "read" | "write"; kind: "application" | "contract" }> = {
  getApplication: { access: "read", kind: "application" },
  startApplicationSigning: { access: "write", kind: "application" },
  confirmApplicationSigning: { access: "write", kind: "application" },
  uploadAttachments: { access: "write", kind: "application" },
  // The AIS session is started for an application named in the body: the customer's bank step follows.
  initiateRetrieval: { access: "write", kind: "application" },
  acceptApplication: { access: "write", kind: "application" },
  cancelApplication: { access: "write", kind: "application" },
  getContract: { access: "read", kind: "contract" },
  startContractSigning: { access: "write", kind: "contract" },
  confirmContractSigning: { access: "write", kind: "contract" },
  approveContract: { access: "write", kind: "contract" },
  cancelContract: { access: "write", kind: "contract" },
}

/** Tells the read ledger about this request when it arrives, and about its answer when the connection closes. */
/** An async Express handler for Express 4, which ignores returned promises: the handler passes its errors to next. */
function settled(handler: (req: Request, res: Response, next: NextFunction) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    void handler(req, res, next)
  }
}

function bookInLedger(sandbox: Sandbox, endpoint: string, uuid: string | undefined, res: Response): void {
  const entry = LEDGER[endpoint]
  if (!entry || !uuid) return
  const entities = sandbox.bank.ledgerEntities(entry.kind, uuid, entry.access)
  if (!entities.length) return
  const ticket =
    entry.access === "read" ? sandbox.bank.reads.read(endpoint, entities[0]) : sandbox.bank.reads.write(entities)
  res.on("close", () => ticket.done(res.headersSent && res.statusCode < 300 && !res.locals.fault))
}

/** /partner/v2/shops/:shopUuid/... and /partner/v3/shops/:shopUuid/... */
export function partnerApi(sandbox: Sandbox): Router {
  const router = express.Router()
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024, files: 10 } })

  for (const version of ["v2", "v3"] as const) {
    const api = express.Router({ mergeParams: true })

    // Partner API reference, "Authentication": Bearer API key, else 401 {"error": ["unauthorized"]}.
    api.use((req, res, next) => {
      if (req.headers.authorization !== `Bearer ${sandbox.settings.apiKey}`) {
        res.status(401).json({ error: ["unauthorized"] })
        return
      }
      if (req.params.shopUuid !== sandbox.settings.shopUuid) {
        res.status(404).json({ error: ["shop not found"] })
        return
      }
      next()
    })

    for (const route of ROUTES) {
      const handlers = route.multipart ? [upload.any()] : []
      api[route.method](
        spellPath(version, route.path),
        ...handlers,
        settled(async (req, res, next) => {
          res.locals.endpoint = route.endpoint
          res.locals.version = version
          const named = req.body as { application_uuid?: string; applicationUuid?: string } | undefined
          bookInLedger(
            sandbox,
            route.endpoint,
            req.params.uuid ?? named?.application_uuid ?? named?.applicationUuid,
            res,
          )
          try {
            const fault = sandbox.faults.take(route.endpoint)
            const latency = sandbox.settings.latencyMs + (fault?.latencyMs ?? 0)
            if (latency > 0) await sleep(latency)
            if (fault && fault.kind !== "latency" && fault.when === "before")
              return applyFault(fault, req, res, sandbox)

            let body: unknown
            try {
              body = await route.handle({
                version,
                body: (route.multipart ? req.body : readBody(version, req.body)) as Record<string, unknown>,
                params: req.params,
                query: req.query,
                files: (req.files as Express.Multer.File[]) ?? [],
                sandbox,
              })
            } catch (error) {
              if (!(error instanceof SandboxError)) throw error
              if (fault && fault.kind !== "latency") return applyFault(fault, req, res, sandbox)
              return sendError(res, error)
            }
            if (fault && fault.kind !== "latency") return applyFault(fault, req, res, sandbox)
            if (body === undefined) res.status(200).end()
            else res.status(200).json(writeBody(version, body))
          } catch (error) {
            next(error)
          }
        }),
      )
    }

    api.use((_req, res) => {
      res.status(404).json({ error: ["not found"] })
    })
    router.use(`/partner/${version}/shops/:shopUuid`, api)
  }
  return router
}
