import { model } from "@medusajs/framework/utils"

/**
 * Every verified callback from Inbank. The unique (application, type, status) makes a duplicate
 * a no-op, also when two arrive at once or on two Medusa instances sharing the database: the
 * vendor warns duplicates happen and only the first may be processed.
 */
export const InbankCallback = model
  .define("inbank_callback", {
    id: model.id({ prefix: "inbcb" }).primaryKey(),
    application_uuid: model.text(),
    type: model.text(),
    status: model.text(),
    /** Inbank's timestamp, in milliseconds. */
    sent_at: model.dateTime(),
    processed_at: model.dateTime().nullable(),
    /** What processing did, or why it failed (retried by the reconciliation job). */
    outcome: model.text().nullable(),
    attempts: model.number().default(0),
  })
  .indexes([
    { on: ["application_uuid", "type", "status"], unique: true },
    { on: ["processed_at"] },
  ])
