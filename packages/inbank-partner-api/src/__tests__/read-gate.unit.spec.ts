import { ReadGate } from "../read-gate"

/** A gate on a clock the test moves, and a fetch that counts its calls and answers when told. */
function setUp() {
  let clock = 1_000_000
  const gate = new ReadGate<string>({ now: () => clock })
  const pending: { resolve: (v: string) => void; reject: (e: Error) => void }[] = []
  let calls = 0
  const fetch = () => {
    calls += 1
    return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }))
  }
  const answer = (value: string) => pending.shift()!.resolve(value)
  return {
    gate,
    fetch,
    answer,
    fail: (e: Error) => pending.shift()!.reject(e),
    calls: () => calls,
    tick: (ms: number) => (clock += ms),
    now: () => clock,
  }
}

describe("ReadGate", () => {
  it("shares one call between concurrent readers", async () => {
    const t = setUp()
    const reads = [t.gate.read("a", t.fetch), t.gate.read("a", t.fetch), t.gate.read("a", t.fetch)]
    t.answer("v1")
    expect(await Promise.all(reads)).toEqual(["v1", "v1", "v1"])
    expect(t.calls()).toBe(1)
  })

  it("reuses the answer within the second, reads again after it", async () => {
    const t = setUp()
    const first = t.gate.read("a", t.fetch)
    t.answer("v1")
    await first
    t.tick(999)
    expect(await t.gate.read("a", t.fetch)).toBe("v1")
    expect(t.calls()).toBe(1)
    t.tick(1)
    const next = t.gate.read("a", t.fetch)
    t.answer("v2")
    expect(await next).toBe("v2")
    expect(t.calls()).toBe(2)
  })

  it("keeps keys apart", async () => {
    const t = setUp()
    const a = t.gate.read("a", t.fetch)
    const b = t.gate.read("b", t.fetch)
    t.answer("A")
    t.answer("B")
    expect([await a, await b]).toEqual(["A", "B"])
    expect(t.calls()).toBe(2)
  })

  it("reads at once after news (our write, a callback)", async () => {
    const t = setUp()
    const first = t.gate.read("a", t.fetch)
    t.answer("v1")
    await first
    t.tick(100)
    t.gate.markStale("a")
    const next = t.gate.read("a", t.fetch)
    t.answer("v2")
    expect(await next).toBe("v2")
    expect(t.calls()).toBe(2)
    // The read after the news is reused as any other.
    expect(await t.gate.read("a", t.fetch)).toBe("v2")
    expect(t.calls()).toBe(2)
  })

  it("does not hand a read sent before the news to readers after it, nor keep its answer", async () => {
    const t = setUp()
    const early = t.gate.read("a", t.fetch)
    t.tick(10)
    t.gate.markStale("a")
    t.tick(10)
    const late = t.gate.read("a", t.fetch)
    expect(t.calls()).toBe(2)
    t.answer("before")
    t.answer("after")
    expect([await early, await late]).toEqual(["before", "after"])
    expect(await t.gate.read("a", t.fetch)).toBe("after")
    expect(t.calls()).toBe(2)
  })

  it("dates a retried read by its last attempt: news between two attempts leaves the retry's answer usable", async () => {
    const t = setUp()
    let resolveRetry: (v: string) => void = () => undefined
    const retrying = (sent: () => void) =>
      new Promise<string>((resolve) => {
        resolveRetry = resolve
        t.tick(5)
        t.gate.markStale("a") // news while the first attempt failed and the retry waits
        t.tick(5)
        sent() // the retry leaves after the news
      })
    const first = t.gate.read("a", retrying)
    // A reader after the retry left shares it rather than sending another read.
    const shared = t.gate.read("a", t.fetch)
    resolveRetry("fresh")
    expect([await first, await shared]).toEqual(["fresh", "fresh"])
    expect(await t.gate.read("a", t.fetch)).toBe("fresh")
    expect(t.calls()).toBe(0)
  })

  it("news dated before the last read changes nothing (a callback the read already saw)", async () => {
    const t = setUp()
    const receivedAt = t.now()
    t.tick(5)
    const first = t.gate.read("a", t.fetch)
    t.answer("v1")
    await first
    t.tick(50)
    t.gate.markStale("a", receivedAt)
    expect(await t.gate.read("a", t.fetch)).toBe("v1")
    expect(t.calls()).toBe(1)
  })

  it("keeps no failure: every reader of the failed call gets its error, the next reader tries again", async () => {
    const t = setUp()
    const reads = [t.gate.read("a", t.fetch), t.gate.read("a", t.fetch)]
    t.fail(new Error("503"))
    for (const read of reads) await expect(read).rejects.toThrow("503")
    const again = t.gate.read("a", t.fetch)
    t.answer("v1")
    expect(await again).toBe("v1")
    expect(t.calls()).toBe(2)
  })

  it("current() gives the last news-aware answer whatever its age, and nothing after news", async () => {
    const t = setUp()
    expect(t.gate.current("a")).toBeUndefined()
    const first = t.gate.read("a", t.fetch)
    t.answer("v1")
    await first
    t.tick(60_000)
    expect(t.gate.current("a")).toMatchObject({ value: "v1" })
    t.tick(1)
    t.gate.markStale("a")
    expect(t.gate.current("a")).toBeUndefined()
  })
})
