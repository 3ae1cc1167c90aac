import { LRUCache } from "lru-cache"

/**
 * Vendor: poll an application's decision, and a contract after signing, at most once a second
 * (docs/inbank-api.md "Polling rules").
 */
export const READ_INTERVAL_MS = 1_000

/** An answer the gate holds, with when its read was sent and answered (ms since the epoch, `now()`'s clock). */
export interface GateAnswer<T> {
  value: T
  requestedAt: number
  receivedAt: number
}

export interface ReadGateOptions {
  /** Least time between two reads of one key with no news in between, from the previous answer (ms). Default 1000. */
  intervalMs?: number
  /** Keys remembered (answers and news), least recently used dropped first. Default 10 000. */
  max?: number
  /** The clock, in ms (tests pass their own). Default `Date.now`. */
  now?: () => number
}

interface Flight<T> {
  promise: Promise<T>
  requestedAt: number
}

/**
 * At most one read per key per interval, Medusa-free. Concurrent readers of a key share one call;
 * a read within the interval after an answer reuses it; news about the key (`markStale`: our own
 * write, a callback) makes every answer requested before it unusable, so the next read goes at once.
 * A failed read leaves nothing behind: the next reader tries again.
 */
export class ReadGate<T> {
  private readonly intervalMs: number
  private readonly now: () => number
  private readonly answers: LRUCache<string, GateAnswer<T>>
  /** Per key, when news about it last arrived. */
  private readonly news: LRUCache<string, number>
  private readonly flights = new Map<string, Flight<T>>()

  constructor(options: ReadGateOptions = {}) {
    this.intervalMs = options.intervalMs ?? READ_INTERVAL_MS
    this.now = options.now ?? Date.now
    const max = options.max ?? 10_000
    this.answers = new LRUCache({ max })
    this.news = new LRUCache({ max })
  }

  /**
   * The key's value: the answer of a read sent after its last news and answered less than the
   * interval ago, else the read in flight sent after its last news, else a new `fetch(sent)`. A
   * fetch that retries calls `sent()` as each attempt leaves: the read counts as sent then, so an
   * answer to a retry sent after news is kept. Rejects with `fetch`'s error (shared by every reader
   * of that call).
   */
  read(key: string, fetch: (sent: () => void) => Promise<T>): Promise<T> {
    const answer = this.current(key)
    if (answer && this.now() - answer.receivedAt < this.intervalMs) return Promise.resolve(answer.value)
    const flight = this.flights.get(key)
    if (flight && this.isNewsAware(key, flight.requestedAt)) return flight.promise

    const entry = { requestedAt: this.now() } as Flight<T>
    const sent = (): void => {
      entry.requestedAt = this.now()
    }
    entry.promise = fetch(sent).then(
      (value) => {
        if (this.flights.get(key) === entry) this.flights.delete(key)
        // An answer to a read sent before news arrived is news-blind: it is returned, not kept.
        const { requestedAt } = entry
        if (this.isNewsAware(key, requestedAt)) this.answers.set(key, { value, requestedAt, receivedAt: this.now() })
        return value
      },
      (error: unknown) => {
        if (this.flights.get(key) === entry) this.flights.delete(key)
        throw error
      },
    )
    this.flights.set(key, entry)
    return entry.promise
  }

  /**
   * The last answer for the key whose read was sent after the key's last news, however old (the
   * caller judges its age from `receivedAt`); undefined when there is none.
   */
  current(key: string): GateAnswer<T> | undefined {
    const answer = this.answers.get(key)
    return answer && this.isNewsAware(key, answer.requestedAt) ? answer : undefined
  }

  /**
   * News about the key arrived at `at` (ms, default now): answers to reads sent before it (not in
   * the same millisecond) are not reused, and the next read goes at once.
   */
  markStale(key: string, at: number = this.now()): void {
    const known = this.news.get(key)
    if (known === undefined || at > known) this.news.set(key, at)
  }

  /** Keeps an answer obtained otherwise (e.g. the same entity under another name), as a read sent at `requestedAt`. */
  remember(key: string, value: T, requestedAt: number): void {
    if (this.isNewsAware(key, requestedAt)) this.answers.set(key, { value, requestedAt, receivedAt: this.now() })
  }

  private isNewsAware(key: string, requestedAt: number): boolean {
    const news = this.news.get(key)
    return news === undefined || requestedAt >= news
  }
}
