import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The staff queue filters and orders in SQL (queue-table.ts): each record keeps the state staff see
 * (staff-state.ts, written with every record update). Existing records are made due for the
 * reconciliation job once, whose read of Inbank writes their state; until then they have none and
 * are listed after the contracts awaiting approval.
 */
export class Migration20261202040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "inbank_application" add column if not exists "staff_state" text null;`)
    this.addSql(
      `update "inbank_application" set "check_after" = now() where "staff_state" is null and "deleted_at" is null;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_staff_state_created_at" ON "inbank_application" ("staff_state", "created_at") WHERE deleted_at IS NULL;`,
    )
    // The unfiltered queue's order: contracts awaiting approval first, then the newest.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_queue" ON "inbank_application" ((staff_state = 'awaiting_approval') DESC NULLS LAST, "created_at" DESC) WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_inbank_application_queue";`)
    this.addSql(`drop index if exists "IDX_inbank_application_staff_state_created_at";`)
    this.addSql(`alter table if exists "inbank_application" drop column if exists "staff_state";`)
  }
}
