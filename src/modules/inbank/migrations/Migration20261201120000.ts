import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The callbacks' exactly-once key includes Inbank's signed timestamp (a replay cannot use
 * up a later genuine callback's key), and records keep the state last announced to the merchant's
 * subscribers. Existing records start from their current state, so upgrading announces nothing again.
 */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_inbank_callback_application_uuid_type_status_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbank_callback_application_uuid_type_status_sent_at_unique" ON "inbank_callback" ("application_uuid", "type", "status", "sent_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`alter table if exists "inbank_application" add column if not exists "announced" jsonb null;`)
    this.addSql(
      `update "inbank_application" set "announced" = jsonb_build_object('application_uuid', "application_uuid", 'decision_status', "decision_status", 'contract_uuid', "contract_uuid", 'contract_status', "contract_status", 'process_status', "process_status") where "announced" is null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "inbank_application" drop column if exists "announced";`)
    this.addSql(`drop index if exists "IDX_inbank_callback_application_uuid_type_status_sent_at_unique";`)
    // Fails if one status was recorded twice since the upgrade: keep the first of each before going down.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbank_callback_application_uuid_type_status_unique" ON "inbank_callback" ("application_uuid", "type", "status") WHERE deleted_at IS NULL;`,
    )
  }
}
