import { CATALOGUE, isMessageCode, MessageCode } from "../catalogue"
import { storeRefusal } from "../refusal"

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
const codes = Object.keys(CATALOGUE) as MessageCode[]

describe("the store API's message catalogue", () => {
  it.each(codes)("%s: a stable snake_case code, a Polish and an English text with the same placeholders", (code) => {
    const { pl, en } = CATALOGUE[code]
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
    expect(pl).not.toBe(en)
    expect(placeholders(pl)).toEqual(placeholders(en))
  })

  it.each(codes)("%s: filled in, no placeholder is left in either language", (code) => {
    const params = Object.fromEntries(placeholders(CATALOGUE[code].pl).map((name) => [name, { pl: "X", en: "X" }]))
    const refusal = storeRefusal(code, { params })
    expect(refusal).toMatchObject({ status: CATALOGUE[code].status, code })
    expect(Object.values(refusal.text)).toEqual([expect.not.stringMatching(/[{}]/), expect.not.stringMatching(/[{}]/)])
  })

  it("knows its own codes only", () => {
    expect(isMessageCode("invalid_pesel")).toBe(true)
    expect(isMessageCode("toString")).toBe(false)
    expect(isMessageCode("Invalid input: expected string")).toBe(false)
  })
})
