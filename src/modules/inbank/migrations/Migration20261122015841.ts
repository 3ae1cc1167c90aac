import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122015841 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_application" drop constraint if exists "inbank_application_application_uuid_unique";`,
    )
    this.addSql(
      `create table if not exists "inbank_application" ("id" text not null, "cart_id" text not null, "payment_collection_id" text null, "payment_session_id" text null, "order_id" text null, "application_uuid" text not null, "previous_uuids" jsonb not null default '{"uuids":[]}', "application_number" text null, "amount" numeric not null, "currency_code" text not null, "period" integer not null, "decision_status" text not null, "process_status" text null, "application_signed" boolean not null default false, "contract_uuid" text null, "contract_number" text null, "contract_status" text null, "offer" jsonb null, "decision_requested_at" timestamptz not null, "cancelled_at" timestamptz null, "synced_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inbank_application_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_deleted_at" ON "inbank_application" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbank_application_application_uuid_unique" ON "inbank_application" ("application_uuid") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_cart_id" ON "inbank_application" ("cart_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbank_application_contract_uuid" ON "inbank_application" ("contract_uuid") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbank_application" cascade;`)
  }
}
