import { Migration } from '@mikro-orm/migrations';

/**
 * PostgreSQL (and PGlite): `UQ_User_Email` counts live users only, so a soft-deleted user's email can register
 * again. Written by hand: MikroORM compares indexes with an expression by name only, so its migrator sees no
 * change here. The statement in `up()` is the one the entities render (`generateDdl`); a test checks it.
 * `down()` fails while two users (one of them deleted) share an email.
 */
export class Migration20261129170000_UserEmailUniqueAmongLive extends Migration {
  override up(): void {
    this.addSql(`alter table "dbo"."User" drop constraint "UQ_User_Email";`);
    this.addSql(`create unique index "UQ_User_Email" on "dbo"."User" ("Email") where "IsDeleted" = false;`);
  }

  override down(): void {
    this.addSql(`drop index "dbo"."UQ_User_Email";`);
    this.addSql(`alter table "dbo"."User" add constraint "UQ_User_Email" unique ("Email");`);
  }
}
