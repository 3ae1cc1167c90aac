import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122021425 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_callback" drop constraint if exists "inbank_callback_application_uuid_type_status_unique";`,
    )
    this.addSql(
      `create table if not exists "inbank_callback" ("id" text not null, "application_uuid" text not null, "type" text not null, "status" text not null, "sent_at" timestamptz not null, "processed_at" timestamptz null, "outcome" text null, "attempts" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inbank_callback_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_callback_deleted_at" ON "inbank_callback" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbank_callback_application_uuid_type_status_unique" ON "inbank_callback" ("application_uuid", "type", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_callback_processed_at" ON "inbank_callback" ("processed_at") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbank_callback" cascade;`)
  }
}
