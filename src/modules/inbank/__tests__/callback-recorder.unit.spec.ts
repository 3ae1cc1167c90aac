import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { recordCallback } from "../callback-recorder"

/** A database whose inserts finish when the test says; each records every row it is given. */
function heldDatabase() {
  const statements: { ids: string[]; finish: () => void }[] = []
  const raw = jest.fn((_sql: string, bindings: unknown[]) => {
    const ids = bindings.filter((_, i) => i % 5 === 0) as string[]
    return new Promise((resolve) =>
      statements.push({ ids, finish: () => resolve({ rows: ids.map((id) => ({ id })) }) }),
    )
  })
  return { knex: { raw } as unknown as Knex, statements }
}

const callback = (n: number) => ({
  application_uuid: `uuid-${n}`,
  type: "DECISION",
  status: "POSITIVE",
  sent_at: new Date(),
})
const nextTurns = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
}

describe("recordCallback", () => {
  it("inserts a callback at once when the database is idle", async () => {
    const db = heldDatabase()
    const recorded = recordCallback(db.knex, callback(1))
    await nextTurns()
    expect(db.statements.map((s) => s.ids.length)).toEqual([1])
    db.statements[0].finish()
    expect(await recorded).toBe(db.statements[0].ids[0])
  })

  it("under load, the callbacks that arrive while two inserts run share the next statement", async () => {
    const db = heldDatabase()
    const first = recordCallback(db.knex, callback(1))
    await nextTurns()
    const second = recordCallback(db.knex, callback(2))
    await nextTurns()
    const waiting = Array.from({ length: 10 }, (_, i) => recordCallback(db.knex, callback(10 + i)))
    await nextTurns()
    expect(db.statements.map((s) => s.ids.length)).toEqual([1, 1])

    db.statements[0].finish()
    await nextTurns()
    expect(db.statements.map((s) => s.ids.length)).toEqual([1, 1, 10])
    db.statements[1].finish()
    db.statements[2].finish()
    const ids = await Promise.all([first, second, ...waiting])
    expect(new Set(ids).size).toBe(12)
    expect(ids.every((id) => typeof id === "string")).toBe(true)
  })
})
