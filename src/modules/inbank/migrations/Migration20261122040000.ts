import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The counters of the SMS-code rate limit, in the layout rate-limiter-flexible's Postgres store reads
 * (key, points, expire). Created here rather than by the limiter at boot, so every instance finds it ready.
 */
export class Migration20261122040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "inbank_rate_limit" ("key" varchar(255) not null, "points" integer not null default 0, "expire" bigint null, constraint "inbank_rate_limit_pkey" primary key ("key"));`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbank_rate_limit" cascade;`)
  }
}
