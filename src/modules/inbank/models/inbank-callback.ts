import { model } from "@medusajs/framework/utils"

/**
 * Every verified callback from Inbank. The unique (application, type, status, signed timestamp)
 * makes a duplicate delivery a no-op, also when two arrive at once or on two Medusa instances
 * sharing the database: the vendor warns duplicates happen and only the first may be processed.
 * The timestamp is in the key because a key must be one only Inbank can make: a replayed callback
 * (same signed timestamp) is a duplicate, but cannot use up the key of a later genuine callback
 * with the same status. Processing reads Inbank and is idempotent, so a genuine resend with a new
 * timestamp costs one read and changes nothing.
 */
export const InbankCallback = model
  .define("inbank_callback", {
    id: model.id({ prefix: "inbcb" }).primaryKey(),
    application_uuid: model.text(),
    type: model.text(),
    status: model.text(),
    /** Inbank's signed timestamp (sent in seconds or milliseconds), part of the exactly-once key. */
    sent_at: model.dateTime(),
    processed_at: model.dateTime().nullable(),
    /** What processing did, or why it failed (retried by the reconciliation job). */
    outcome: model.text().nullable(),
    attempts: model.number().default(0),
  })
  .indexes([{ on: ["application_uuid", "type", "status", "sent_at"], unique: true }, { on: ["processed_at"] }])
