import { z } from "zod"

const HOUR = 3600
const DAY = 24 * HOUR

/** At most `points` requests per `windowSeconds` (a fixed window that starts at the first request). */
const limit = (points: number, windowSeconds: number) =>
  z
    .object({ points: z.number().int().min(1), windowSeconds: z.number().int().min(1) })
    .strict()
    .default({ points, windowSeconds })

/**
 * The plugin option `rateLimits`: how often the store routes that cost a shopper something may be
 * used, counted by what they cost it for. A credit application is a credit inquiry in the applicant's
 * name, so it is limited per identity (PESEL) as well as per cart and client address; an SMS lands on
 * one phone; a code guess tries to sign in one identity. Carts are free, so every limit that protects
 * a person is keyed on the person (a keyed hash, never the value), not on the cart.
 *
 * Each limit is `{points, windowSeconds}`; a limit given replaces that default entirely.
 */
export const rateLimitsSchema = z
  .object({
    /**
     * Client addresses the per-IP limits skip (the other limits still apply), e.g. a server-rendered
     * storefront that calls the store API from its own address for every shopper. Compared as the
     * limits count addresses (src/modules/inbank/limit-keys.ts): IPv4 exactly, IPv4-mapped IPv6 as IPv4, other
     * IPv6 by /64. The address is Medusa's `req.ip`; Medusa trusts one proxy hop (`X-Forwarded-For`).
     */
    exemptIps: z.array(z.string().min(1)).default([]),
    /** POST /store/carts/:id/inbank/application, counted only when the application is sent to Inbank. */
    application: z
      .object({ perIp: limit(20, HOUR), perCart: limit(5, HOUR), perIdentity: limit(5, DAY), perPhone: limit(5, DAY) })
      .strict()
      .prefault({}),
    /** POST …/inbank/signing: every request sends an SMS code. */
    smsSend: z
      .object({ perIp: limit(20, HOUR), perApplication: limit(5, 15 * 60), perPhone: limit(5, HOUR) })
      .strict()
      .prefault({}),
    /** POST …/inbank/signing/confirm: every request is a guess of the SMS code. */
    codeConfirm: z
      .object({ perIp: limit(50, HOUR), perApplication: limit(5, 15 * 60), perIdentity: limit(10, HOUR) })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({})

export type RateLimits = z.output<typeof rateLimitsSchema>
/** A limited store action: the keys of RateLimits other than `exemptIps`. */
export type LimitedAction = Exclude<keyof RateLimits, "exemptIps">
