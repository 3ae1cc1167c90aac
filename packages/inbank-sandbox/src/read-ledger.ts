/**
 * Books "early re-reads": a GET of an application (#6) or a contract (#15) that the sandbox answered
 * less than a second after it answered the previous GET of the same entity, with no write of the
 * partner's to it and no callback sent about it in between. The vendor's polling rule (partner API
 * reference, GET application: "polled once a second"; direct API guide, GET contract after signing:
 * once a second) read strictly: nothing new can be learnt from such a read. Written from the vendor
 * documents, not from the plugin: entities are the sandbox's own application and contract.
 *
 * - A read counts once answered with the entity (2xx, no injected fault); failed GETs are not reads.
 *   Reads are ordered by arrival, whatever order their answers leave in: a slow read is judged against
 *   the read that arrived before it, and the read that arrived after it against the slow one.
 * - A write is any POST or PATCH on the entity's path, from arrival until its answer, whatever its
 *   outcome (the partner cannot know whether a write that failed took effect). A write to an
 *   application touches its contract too, and a write to a contract its application: each one's
 *   answer shows the other's status.
 * - A callback touches the application it names and that application's contract like a write: from
 *   when it is sent until the partner has answered it (the partner learns of it only on receipt, and
 *   the vendor asks it to fetch the state then: direct API guide, "Callbacks").
 */
export const REREAD_INTERVAL_MS = 1_000

export interface EarlyReRead {
  /** When the early GET arrived (ISO). */
  at: string
  endpoint: string
  /** "application:<uuid>" or "contract:<uuid>". */
  entity: string
  /** Time since the previous GET of the entity arrived (ms). */
  sinceMs: number
}

/** An answered GET: when it arrived, and the entity's last touch then (Infinity while a write was in flight). */
interface AnsweredRead {
  endpoint: string
  arrival: number
  touched: number
  booked: boolean
}

interface EntityLog {
  /** Answered GETs of the last minute, by arrival. */
  reads: AnsweredRead[]
  /** End of the newest write, or sending of the newest callback (ms). */
  lastTouch: number
  writesInFlight: number
}

/** How long an answered read is kept to judge reads answered after it (a slow answer's read arrived earlier). */
const KEPT_MS = 60_000

/**
 * What a request does to the entities it names; `done` is called once its answer is sent (or the connection closed).
 */
export interface LedgerTicket {
  done(answered: boolean): void
}

export class ReadLedger {
  /** Every early re-read booked since the sandbox started; `reset()` keeps them (they are the verdict). */
  readonly earlyReReads: EarlyReRead[] = []
  private entities = new Map<string, EntityLog>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A GET of one entity arrived. */
  read(endpoint: string, entity: string): LedgerTicket {
    const log = this.log(entity)
    const touched = log.writesInFlight > 0 ? Infinity : log.lastTouch
    const read: AnsweredRead = { endpoint, arrival: this.now(), touched, booked: false }
    return {
      done: (answered) => {
        if (!answered) return
        log.reads = log.reads.filter((kept) => kept.arrival >= this.now() - KEPT_MS)
        const at = log.reads.findIndex((kept) => kept.arrival > read.arrival)
        const next = at === -1 ? log.reads.length : at
        const before = log.reads[next - 1]
        const after = log.reads[next]
        if (before) this.judge(entity, before, read)
        if (after) this.judge(entity, read, after)
        log.reads.splice(next, 0, read)
      },
    }
  }

  /** A write arrived that touches these entities. */
  write(entities: string[]): LedgerTicket {
    const logs = entities.map((entity) => this.log(entity))
    for (const log of logs) log.writesInFlight += 1
    return {
      done: () => {
        for (const log of logs) {
          log.writesInFlight -= 1
          log.lastTouch = this.now()
        }
      },
    }
  }

  /** A callback about these entities is being sent; `done` once the partner has answered it. */
  callback(entities: string[]): LedgerTicket {
    return this.write(entities)
  }

  /** Books `later` when it arrived within the interval after `earlier` with no touch in between. */
  private judge(entity: string, earlier: AnsweredRead, later: AnsweredRead): void {
    const sinceMs = later.arrival - earlier.arrival
    if (later.booked || sinceMs >= REREAD_INTERVAL_MS || later.touched >= earlier.arrival) return
    later.booked = true
    this.earlyReReads.push({ at: new Date(later.arrival).toISOString(), endpoint: later.endpoint, entity, sinceMs })
  }

  /** Forgets the entities' history (the sandbox's reset); the bookings stay. */
  reset(): void {
    this.entities = new Map()
  }

  private log(entity: string): EntityLog {
    let log = this.entities.get(entity)
    if (!log) {
      log = { reads: [], lastTouch: -Infinity, writesInFlight: 0 }
      this.entities.set(entity, log)
    }
    return log
  }
}
