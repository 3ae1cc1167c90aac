import axios, { AxiosError } from "axios"
import { callbackHmac } from "./callback-signature"
import type { SandboxSettings } from "./settings"
import type { CallbackDelivery } from "./state"
import type { Timers } from "./timers"

export interface CallbackEvent {
  url: string
  type: "DECISION" | "CONTRACT"
  status: string
  creditApplicationUuid: string
}

/**
 * Server-to-server callbacks as the direct API guide documents them: POST,
 * application/x-www-form-urlencoded, fields `message` (JSON), `hmac`, `timestamp`; the HMAC is
 * hex SHA-512 keyed by the API key over `timestamp + "." + message`.
 */
export class CallbackDispatcher {
  /** Events of one application waiting to be sent newest first (callbackOutOfOrder). */
  private readonly bursts = new Map<string, CallbackEvent[]>()
  /** One application's callbacks go out one after another, each after the previous answer. */
  private readonly queues = new Map<string, Promise<void>>()
  /** Bumped by reset(): deliveries still in flight from before are neither logged nor retried. */
  private generation = 0

  constructor(
    private readonly settings: () => SandboxSettings,
    private readonly timers: Timers,
    private readonly log: (delivery: CallbackDelivery) => void,
    /**
     * Told as each attempt leaves, before the receiver can act on it; what it returns is called once the attempt is
     * answered.
     */
    private readonly sending: (event: CallbackEvent) => () => void = () => () => undefined,
  ) {}

  notify(event: CallbackEvent): void {
    const { callbackDelayMs, callbackOutOfOrder } = this.settings()
    if (!callbackOutOfOrder) {
      this.timers.after(callbackDelayMs, () => this.send(event))
      return
    }
    const burst = this.bursts.get(event.creditApplicationUuid)
    if (burst) {
      burst.push(event)
      return
    }
    this.bursts.set(event.creditApplicationUuid, [event])
    this.timers.after(Math.max(callbackDelayMs, 50), () => {
      const events = this.bursts.get(event.creditApplicationUuid) ?? []
      this.bursts.delete(event.creditApplicationUuid)
      for (const queued of events.reverse()) this.send(queued)
    })
  }

  reset(): void {
    this.bursts.clear()
    this.queues.clear()
    this.generation += 1
  }

  private send(event: CallbackEvent): void {
    const settings = this.settings()
    const message = JSON.stringify({
      type: event.type,
      status: event.status,
      creditApplicationUuid: event.creditApplicationUuid,
    })
    const now = Date.now()
    const timestamp = settings.callbackTimestampUnit === "s" ? String(Math.floor(now / 1000)) : String(now)
    const form = new URLSearchParams({ message, timestamp })
    const signed = settings.callbackHmacOver === "json" ? message : encodeURIComponent(message)
    form.set("hmac", callbackHmac(settings.apiKey, timestamp, signed))
    const body = form.toString()
    // Duplicates leave together, as concurrent requests: the harshest case for a receiver.
    const copies = Array.from({ length: settings.callbackDuplicates }, (_, i) => i + 1)
    const key = event.creditApplicationUuid
    const queued = (this.queues.get(key) ?? Promise.resolve()).then(() =>
      Promise.all(copies.map((copy) => this.deliver(event, body, copy, 1, this.generation))).then(() => undefined),
    )
    this.queues.set(key, queued)
    void queued.then(() => {
      if (this.queues.get(key) === queued) this.queues.delete(key)
    })
  }

  private async deliver(
    event: CallbackEvent,
    body: string,
    copy: number,
    attempt: number,
    generation: number,
  ): Promise<void> {
    const settings = this.settings()
    const answered = this.sending(event)
    let outcome: number | string
    try {
      const response = await axios.post(event.url, body, {
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        timeout: 10_000,
        validateStatus: () => true,
        maxRedirects: 0,
      })
      outcome = response.status
    } catch (error) {
      outcome = (error as AxiosError).code ?? "network error"
    }
    answered()
    if (generation !== this.generation) return
    this.log({
      at: new Date().toISOString(),
      url: event.url,
      type: event.type,
      status: event.status,
      creditApplicationUuid: event.creditApplicationUuid,
      attempt,
      copy,
      outcome,
    })
    const delivered = typeof outcome === "number" && outcome >= 200 && outcome < 300
    if (!delivered && attempt <= settings.callbackRetries) {
      const delay = settings.callbackRetryDelayMs * 2 ** (attempt - 1)
      this.timers.after(delay, () => void this.deliver(event, body, copy, attempt + 1, generation))
    }
  }
}
