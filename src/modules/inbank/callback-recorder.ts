import DataLoader from "dataloader"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { insertCallbacks, type VerifiedCallback } from "./callback-table"

/** Inserts running at once; callbacks arriving meanwhile wait and share the next one. */
const MAX_IN_FLIGHT = 2
const MAX_PER_STATEMENT = 100

const recorders = new WeakMap<Knex, DataLoader<VerifiedCallback, string | null>>()

/**
 * Records a verified callback (insertCallbacks): its id, or null for a duplicate. Idle, its insert
 * starts on the next turn of the event loop; under load, the callbacks that arrive while
 * MAX_IN_FLIGHT inserts run go in one statement and one commit instead of one each.
 */
export function recordCallback(knex: Knex, callback: VerifiedCallback): Promise<string | null> {
  let recorder = recorders.get(knex)
  if (!recorder) {
    recorder = createRecorder(knex)
    recorders.set(knex, recorder)
  }
  return recorder.load(callback)
}

function createRecorder(knex: Knex): DataLoader<VerifiedCallback, string | null> {
  let inFlight = 0
  const waiting: (() => void)[] = []
  const start = (dispatch: () => void) => {
    inFlight++
    setImmediate(dispatch)
  }
  return new DataLoader<VerifiedCallback, string | null>(
    async (callbacks) => {
      try {
        return await insertCallbacks(knex, callbacks)
      } finally {
        inFlight--
        const next = waiting.shift()
        if (next) start(next)
      }
    },
    {
      cache: false,
      maxBatchSize: MAX_PER_STATEMENT,
      batchScheduleFn: (dispatch) => (inFlight < MAX_IN_FLIGHT ? start(dispatch) : waiting.push(dispatch)),
    },
  )
}
