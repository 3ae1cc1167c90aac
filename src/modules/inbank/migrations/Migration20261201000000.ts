import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Keyed hashes of the applicant's phone and PESEL on the application record, so that the SMS and
 * code-guess limits of later requests can count by the person (src/api/limit-keys.ts). Nullable:
 * records from before have none and are limited per application and address only.
 */
export class Migration20261201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_application" add column if not exists "phone_hash" text null, add column if not exists "identity_hash" text null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "inbank_application" drop column if exists "phone_hash", drop column if exists "identity_hash";`,
    )
  }
}
