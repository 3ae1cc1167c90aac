import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CorsOrigins, corsOrigins, originAllowed } from "./cors-origins"
import { PluginHttpError } from "./http-error"

export interface StaffRequest {
  contentType: string | undefined
  /** Whether the request has an `Authorization` header (a token or API key the client set itself). */
  authorization: boolean
  /** The `Origin` header, if the client sent one. */
  origin: string | undefined
  /** `Sec-Fetch-Site`, which browsers set and pages cannot. */
  secFetchSite: string | undefined
  /** This server's origin as the request addressed it (`${protocol}://${host}`). */
  ownOrigin: string
  /** `projectConfig.http.adminCors`, parsed. */
  adminCors: CorsOrigins
}

/**
 * Why a staff action must be refused as a possible cross-site request, or null to let it through.
 *
 * A browser attaches the staff's session cookie to a POST from any same-site page, and a body-less or
 * `text/plain` POST needs no CORS preflight. So a staff action must (1) carry something a page cannot
 * send without a preflight (which Medusa's admin CORS refuses to origins not in `adminCors`): a
 * `Content-Type: application/json`, as the admin's js-sdk sends on every request, or an
 * `Authorization` header, as token and API-key clients send (never attached by the browser on its own:
 * Medusa sends no `WWW-Authenticate` challenge, so no browser holds Basic credentials for it); and
 * (2) when it carries an `Origin`, come from the server's own origin or one in `adminCors`. A request
 * without `Origin` (a server with a token; browsers send `Origin` on every POST) passes the second check.
 */
export function staffRequestRefusal(request: StaffRequest): PluginHttpError | null {
  if (!request.authorization && !/^application\/json\s*(;|$)/i.test(request.contentType ?? "")) {
    return new PluginHttpError(
      403,
      "json_required",
      "Staff actions must be sent as JSON (Content-Type: application/json) or with an Authorization header",
    )
  }
  const { origin } = request
  if (
    origin === undefined ||
    request.secFetchSite === "same-origin" ||
    origin === request.ownOrigin ||
    originAllowed(origin, request.adminCors)
  ) {
    return null
  }
  return new PluginHttpError(
    403,
    "origin_not_allowed",
    "This request comes from an origin that is not the admin's (projectConfig.http.adminCors)",
  )
}

/**
 * Why any state-changing admin request must be refused as cross-site, or null: only the `Origin`
 * check of staffRequestRefusal. Medusa's own admin routes move Inbank's money too (a payment's capture
 * is Inbank's merchant approval, an order's cancel cancels the contract) and accept an empty
 * `application/x-www-form-urlencoded` body, which a page can send with the staff's cookie without a
 * preflight. Their content type is Medusa's to decide (uploads are multipart), so only the origin is
 * checked there: browsers send `Origin` with every POST.
 */
export function adminOriginRefusal(
  request: Omit<StaffRequest, "contentType" | "authorization">,
): PluginHttpError | null {
  return staffRequestRefusal({ ...request, contentType: "application/json", authorization: false })
}

/**
 * Middleware for every state-changing admin route (Medusa's and the plugin's): 403
 * `origin_not_allowed` (adminOriginRefusal) for a browser request from another origin.
 */
export function adminOriginGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const refusal = adminOriginRefusal(originContext(req))
  if (refusal) return refusal.send(res)
  next()
}

/**
 * Middleware for the plugin's state-changing admin routes: answers 403 (PluginHttpError) when
 * staffRequestRefusal refuses the request.
 */
export function staffRequestGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const refusal = staffRequestRefusal({
    ...originContext(req),
    contentType: req.get("content-type"),
    authorization: Boolean(req.get("authorization")),
  })
  if (refusal) return refusal.send(res)
  next()
}

/** Where the request comes from, as the origin checks read it. */
function originContext(req: MedusaRequest): Omit<StaffRequest, "contentType" | "authorization"> {
  return {
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    ownOrigin: `${req.protocol}://${req.get("host")}`,
    adminCors: corsOrigins(req, "adminCors"),
  }
}
