import { polishWait } from "../abuse-limits"

describe("abuse limits", () => {
  it("tells the shopper the wait in Polish", () => {
    expect(polishWait(30)).toBe("za minutę")
    expect(polishWait(61)).toBe("za 2 min")
    expect(polishWait(900)).toBe("za 15 min")
    expect(polishWait(86_400)).toBe("za 24 h")
  })
})
