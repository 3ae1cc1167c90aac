import { personName } from "../admin/inbank/queue-rows"

describe("personName", () => {
  it("takes the first person with a name, first and last name joined", () => {
    expect(personName({ first_name: "Anna", last_name: "Nowak" }, { first_name: "Jan", last_name: "Kowalski" })).toBe(
      "Anna Nowak",
    )
    expect(personName({ first_name: " ", last_name: null }, { first_name: " Jan ", last_name: null })).toBe("Jan")
    expect(personName(null, undefined, { last_name: "Nowak" })).toBe("Nowak")
  })

  it("is null when nobody has a name", () => {
    expect(personName(null, { first_name: "", last_name: "  " })).toBeNull()
  })
})
