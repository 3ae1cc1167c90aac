import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The reconciliation job selects the applications it must read in SQL (`check_after` due), so
 * finished ones never crowd out one whose callbacks were lost. Existing records are all due once:
 * the job's first run decides each one's schedule.
 */
export class Migration20261201180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "inbank_application" add column if not exists "check_after" timestamptz null;`)
    this.addSql(
      `update "inbank_application" set "check_after" = now() where "check_after" is null and "deleted_at" is null;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_check_after" ON "inbank_application" ("check_after") WHERE deleted_at IS NULL AND check_after IS NOT NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_inbank_application_check_after";`)
    this.addSql(`alter table if exists "inbank_application" drop column if exists "check_after";`)
  }
}
