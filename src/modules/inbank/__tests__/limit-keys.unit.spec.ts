import { clientAddress, identityKey, ipKey, phoneKey } from "../limit-keys"

const KEY = "limit-keys-test-api-key"

describe("rate-limit keys", () => {
  it("counts one phone however the form wrote it, and never holds the number", () => {
    const keys = ["+48500100200", "48500100200", "500100200", " +48 500100200"].map((mobile) => phoneKey(KEY, mobile))
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/)
    expect(keys[0]).not.toContain("500100200")
    expect(phoneKey(KEY, "+48500100201")).not.toBe(keys[0])
  })

  it("keys depend on the API key and on what is counted (a phone and a PESEL with the same digits differ)", () => {
    expect(identityKey(KEY, "90010112345")).not.toBe(identityKey("another-shop-key", "90010112345"))
    expect(identityKey(KEY, "500100200")).not.toBe(phoneKey(KEY, "500100200"))
  })

  it("counts IPv4-mapped IPv6 as IPv4 and other IPv6 by its /64", () => {
    expect(clientAddress("::ffff:203.0.113.7")).toBe("203.0.113.7")
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7")
    expect(clientAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(clientAddress("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64")
    expect(clientAddress("2001:db8::5")).toBe("2001:db8:0:0::/64")
    expect(clientAddress("::1")).toBe("0:0:0:0::/64")
    expect(clientAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64")
    expect(clientAddress("64:ff9b::198.51.100.1")).toBe("64:ff9b:0:0::/64")
    expect(clientAddress(undefined)).toBeNull()
    expect(ipKey(KEY, "2001:db8:1:2::1")).toBe(ipKey(KEY, "2001:db8:1:2:ffff::9"))
    expect(ipKey(KEY, "2001:db8:1:3::1")).not.toBe(ipKey(KEY, "2001:db8:1:2::1"))
    expect(ipKey(KEY, "203.0.113.7")).not.toContain("203")
    expect(ipKey(KEY, undefined)).toBeNull()
  })

  it("counts no address the shop exempts, however it is written", () => {
    const exempt = ["127.0.0.1", "2001:db8:1:2::1"]
    expect(ipKey(KEY, "::ffff:127.0.0.1", exempt)).toBeNull()
    expect(ipKey(KEY, "2001:db8:1:2:ffff::9", exempt)).toBeNull()
    expect(ipKey(KEY, "127.0.0.2", exempt)).toBe(ipKey(KEY, "127.0.0.2"))
  })
})
