import { entityId } from "../entity-id"

const CROCKFORD_ULID = /^inbcb_[0-9A-HJKMNP-TV-Z]{26}$/

describe("entityId", () => {
  it("writes Medusa's format: the prefix and a ULID", () => {
    expect(entityId("inbcb")).toMatch(CROCKFORD_ULID)
  })

  it("draws new random characters for every id, across refills of its random pool", () => {
    const ids = Array.from({ length: 5000 }, () => entityId("inbcb"))
    expect(new Set(ids).size).toBe(ids.length)
    const randomParts = new Set(ids.map((id) => id.slice(-16)))
    expect(randomParts.size).toBe(ids.length)
  })

  it("sorts by creation time, as Medusa's ids do", async () => {
    const first = entityId("inbcb")
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = entityId("inbcb")
    expect(first < second).toBe(true)
  })
})
