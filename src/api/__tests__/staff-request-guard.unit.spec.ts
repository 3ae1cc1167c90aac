import { parseCorsOrigins } from "@medusajs/framework/utils"
import { staffRequestRefusal, StaffRequest } from "../staff-request-guard"
import { checkReturnUrl } from "../store/carts/[id]/inbank/bank-verification/return-url"
import { PluginHttpError } from "../http-error"

const admin: StaffRequest = {
  contentType: "application/json",
  authorization: false,
  origin: "https://admin.sklep.pl",
  secFetchSite: "same-site",
  ownOrigin: "https://api.sklep.pl",
  adminCors: parseCorsOrigins("https://admin.sklep.pl,/^https:\\/\\/[a-z]+\\.preview\\.sklep\\.pl$/"),
}
const code = (request: Partial<StaffRequest>) => staffRequestRefusal({ ...admin, ...request })?.code ?? null

describe("staff requests", () => {
  it("lets through the admin's JSON requests: from an adminCors origin, its own origin, or a server without Origin", () => {
    expect(code({})).toBeNull()
    expect(code({ contentType: "application/json; charset=utf-8" })).toBeNull()
    expect(code({ origin: "https://feature.preview.sklep.pl" })).toBeNull()
    expect(code({ origin: "https://api.sklep.pl", secFetchSite: undefined })).toBeNull()
    expect(code({ origin: "https://api.sklep.pl:8443", secFetchSite: "same-origin" })).toBeNull()
    expect(code({ origin: undefined, secFetchSite: undefined })).toBeNull()
    // A token client's body-less POST: the Authorization header already needs a preflight from a page.
    expect(code({ contentType: undefined, authorization: true, origin: undefined })).toBeNull()
    expect(
      code({ contentType: "application/x-www-form-urlencoded", authorization: true, origin: undefined }),
    ).toBeNull()
  })

  it("refuses what a page can send without a preflight: no body, text/plain, a form", () => {
    for (const contentType of [
      undefined,
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
    ]) {
      expect(code({ contentType })).toBe("json_required")
    }
  })

  it("refuses another origin, a same-site one included, even as JSON or with a token", () => {
    expect(code({ origin: "https://blog.sklep.pl", contentType: undefined, authorization: true })).toBe(
      "origin_not_allowed",
    )
    for (const origin of [
      "https://blog.sklep.pl",
      "null",
      "https://admin.sklep.pl.evil.example",
      "http://admin.sklep.pl",
    ]) {
      expect(code({ origin })).toBe("origin_not_allowed")
    }
    // `*` in Medusa's list is no wildcard: its CORS compares strings exactly.
    expect(
      staffRequestRefusal({ ...admin, origin: "https://evil.example", adminCors: parseCorsOrigins("*") })?.code,
    ).toBe("origin_not_allowed")
    const refusal = staffRequestRefusal({ ...admin, origin: "https://evil.example" })!
    expect(refusal.status).toBe(403)
  })
})

describe("return_url of the bank step", () => {
  const storeCors = parseCorsOrigins("https://sklep.pl,http://localhost:8000")
  const refusal = (url: string) => {
    try {
      checkReturnUrl(url, storeCors)
      return null
    } catch (error) {
      return error as PluginHttpError
    }
  }

  it("accepts a page of a storefront origin", () => {
    expect(refusal("https://sklep.pl/pl/checkout?step=payment&inbank=bank-return")).toBeNull()
    expect(refusal("http://localhost:8000/#/inbank/cart_1")).toBeNull()
  })

  it("forwards the URL as parsed, so Inbank cannot read another host out of it", () => {
    expect(checkReturnUrl("http://localhost:8000\\@evil.example/", storeCors)).toBe(
      "http://localhost:8000/@evil.example/",
    )
    expect(checkReturnUrl(" http://localhost:8000/x\n//evil.example", storeCors)).toBe(
      "http://localhost:8000/x//evil.example",
    )
  })

  it("refuses other origins and schemes with 400 on return_url", () => {
    for (const url of [
      "https://evil.example/",
      "https://sklep.pl.evil.example/",
      "https://sklep.pl@evil.example/",
      "http://sklep.pl/",
      "javascript:alert(1)",
      "data:text/html,x",
      "not a url",
    ]) {
      const error = refusal(url)
      expect({ url, status: error?.status, code: error?.code, field: error?.options.field }).toEqual({
        url,
        status: 400,
        code: "invalid_return_url",
        field: "return_url",
      })
    }
  })
})
