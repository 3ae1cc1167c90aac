import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The SMS step's own state: the masked phone the code goes to ("+48 *** *** 200", never the number),
 * when the current code was sent (the resend cooldown) and how many wrong tries it had (Inbank voids a
 * code after repeated wrong tries; docs/inbank-api.md "SMS codes").
 */
export class Migration20261202000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_application" add column if not exists "phone_masked" text null, ` +
        `add column if not exists "sms_sent_at" timestamptz null, add column if not exists "sms_failed_attempts" integer not null default 0;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_application" drop column if exists "phone_masked", drop column if exists "sms_sent_at", drop column if exists "sms_failed_attempts";`,
    )
  }
}
