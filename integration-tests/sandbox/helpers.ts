import axios from "axios"
import { createServer, Server } from "node:http"
import type { AddressInfo } from "node:net"
import { ApiVersion, ApplicationInput, InbankClient, InbankError } from "inbank-partner-api"
import { Sandbox } from "inbank-sandbox"

export const API_KEY = "test-sandbox-key"
export const SHOP = "7f0b2d9e-5c1a-4e8b-9d3f-2a6c8e1b4f70"
export const PRODUCT = "hire_purchase"

export async function startTestSandbox(): Promise<Sandbox> {
  return new Sandbox({
    apiKey: API_KEY,
    shopUuid: SHOP,
    productCode: PRODUCT,
    callbackDelayMs: 0,
    callbackRetryDelayMs: 20,
  }).start()
}

export const clientFor = (sandbox: Sandbox, apiVersion: ApiVersion, timeoutMs = 2000) =>
  new InbankClient({
    apiKey: API_KEY,
    shopUuid: SHOP,
    baseUrl: sandbox.url,
    apiVersion,
    timeoutMs,
    retryBaseDelayMs: 1,
  })

let person = 0

/** A valid PESEL born in the 1980s; distinct for each call. */
function pesel(serial: number): string {
  const digits = `85${String(1 + (serial % 12)).padStart(2, "0")}${String(1 + (serial % 28)).padStart(2, "0")}${String(serial % 10000).padStart(4, "0")}`
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0)
  return digits + String((10 - (sum % 10)) % 10)
}

/** A new applicant each time: the demo refuses one customer's phone, e-mail or document for another. */
export function application(
  amount: string | number,
  lastName = "Kowalski",
  extra: { callbackUrl?: string; period?: number } = {},
): ApplicationInput {
  person += 1
  return {
    creditApplication: {
      productCode: PRODUCT,
      amount,
      period: extra.period ?? 12,
      monthlyIncome: "6500.00",
      monthlyFinancialObligations: "0",
    },
    customer: { identityCode: pesel(person + 1000), firstName: "Anna", lastName },
    customerAddresses: [{ street: "Długa 5", city: "Gdańsk", zipCode: "80-827", country: "PL" }],
    customerContact: { mobile: `+48600${String(100000 + person)}`, email: `anna.${person}@example.com` },
    customerIdentification: { documentType: "id_card", documentNumber: `ABC${String(100000 + person)}` },
    consents: [{ type: "DATA_PROCESSING", value: true, text: "Zgoda" }],
    partnerUrls: extra.callbackUrl ? { callbackUrl: extra.callbackUrl } : undefined,
  }
}

/** Reads the newest SMS code for a phone through the sandbox's JSON inbox. */
export async function smsCode(sandbox: Sandbox, phone: string): Promise<string> {
  const { data } = await axios.get(`${sandbox.url}/__sandbox/sms`, { params: { phone } })
  if (!data.messages.length) throw new Error(`no SMS for ${phone}`)
  return data.messages[0].code
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > until) throw new Error("condition not met in time")
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A callback's form fields as the documents list them (partner API reference 2024-07-19, "Callbacks"). */
export interface ReceivedCallback {
  /** The whole form body as it arrived. */
  body: string
  /** The form-decoded JSON text. */
  message: string
  /** The same field as it stood in the body, URL-encoded: what an HMAC "over the encoded message" covers. */
  rawMessage: string
  hmac: string
  timestamp: string
}

/** A local HTTP listener standing in for the shop's callback route. */
export async function callbackListener(answer: () => number = () => 200) {
  const received: ReceivedCallback[] = []
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      // The documented form: application/x-www-form-urlencoded with message, hmac and timestamp, once each.
      const form = new URLSearchParams(body)
      const [message, hmac, timestamp] = (["message", "hmac", "timestamp"] as const).map((field) => form.getAll(field))
      if (
        req.headers["content-type"] !== "application/x-www-form-urlencoded" ||
        [message, hmac, timestamp].some((values) => values.length !== 1)
      ) {
        throw new Error(
          `the sandbox sent a callback unlike the documented form: ${req.headers["content-type"]} ${body}`,
        )
      }
      const rawMessage = body
        .split("&")
        .find((pair) => pair.startsWith("message="))!
        .slice("message=".length)
      received.push({ body, message: message[0], rawMessage, hmac: hmac[0], timestamp: timestamp[0] })
      res.writeHead(answer()).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/inbank`,
    received,
    statuses: () => received.map((r) => JSON.parse(r.message).status as string),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** One sandbox for a spec file, fresh state for each test. */
export function useTestSandbox(): () => Sandbox {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(async () => {
    await sandbox.stop()
  })
  beforeEach(() => {
    sandbox.reset()
  })
  return () => sandbox
}

export async function rejection(promise: Promise<unknown>): Promise<InbankError> {
  try {
    await promise
  } catch (error) {
    return error as InbankError
  }
  throw new Error("expected a rejection")
}
