import { model } from "@medusajs/framework/utils"

/**
 * One Inbank credit application and what became of it, linked to the cart, its payment
 * collection and session, and later the order. Holds no personal data: the applicant's identity,
 * documents, income and contacts go to Inbank and are never stored here (only keyed hashes of the
 * phone and identity, which the rate limits count by).
 */
export const InbankApplication = model
  .define("inbank_application", {
    id: model.id({ prefix: "inbapp" }).primaryKey(),
    cart_id: model.text(),
    payment_collection_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    order_id: model.text().nullable(),
    /** The UUID Inbank answers with now; changed conditions replace it (previous ones kept). */
    application_uuid: model.text(),
    previous_uuids: model.json().default({ uuids: [] }),
    application_number: model.text().nullable(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    period: model.number(),
    decision_status: model.text(),
    process_status: model.text().nullable(),
    application_signed: model.boolean().default(false),
    contract_uuid: model.text().nullable(),
    contract_number: model.text().nullable(),
    contract_status: model.text().nullable(),
    /** Monthly payment, APR, total cost: the offer as Inbank's payment schedule states it. */
    offer: model.json().nullable(),
    /** When the last wait for a decision began (application, its signature, income proof): polling stops 30 s later. */
    decision_requested_at: model.dateTime(),
    cancelled_at: model.dateTime().nullable(),
    /**
     * The Inbank state last announced to the merchant's subscribers (`inbank.<type>.<status>`
     * events): application and contract UUIDs and statuses, as announcements.ts compares them.
     * Only applyInbankState writes it, so a refresh by another path (a shopper's polling) does not
     * swallow an event.
     */
    announced: model.json().nullable(),
    synced_at: model.dateTime().nullable(),
    /**
     * When the reconciliation job reads this application next (nextReconciliation); null once
     * nothing can change any more. The job selects on it in SQL.
     */
    check_after: model.dateTime().nullable(),
    /**
     * The state staff see (staffState of the record's derived state, without the order's own
     * cancellation), written with every record update so that the admin queue filters and orders in SQL.
     */
    staff_state: model.text().nullable(),
    /**
     * Keyed hashes (HMAC-SHA256, hex) of the applicant's phone and PESEL, for the SMS and code-guess
     * limits of later requests (limit-keys.ts); the values themselves are never stored.
     */
    phone_hash: model.text().nullable(),
    identity_hash: model.text().nullable(),
    /** The applicant's mobile with all but its last three digits hidden ("+48 *** *** 200"), for the SMS step. */
    phone_masked: model.text().nullable(),
    /** When the current SMS code was sent (the resend cooldown counts from it); null before the first. */
    sms_sent_at: model.dateTime().nullable(),
    /** Wrong tries of the current SMS code (reset by each new code); Inbank voids a code after MAX_CODE_ATTEMPTS. */
    sms_failed_attempts: model.number().default(0),
  })
  .indexes([
    { on: ["application_uuid"], unique: true },
    { on: ["cart_id"] },
    { on: ["contract_uuid"] },
    { on: ["check_after"], where: "check_after IS NOT NULL" },
    { on: ["staff_state", "created_at"] },
  ])
