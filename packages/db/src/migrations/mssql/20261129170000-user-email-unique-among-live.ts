import { Migration } from '@mikro-orm/migrations';

/**
 * SQL Server: `UQ_User_Email` counts live users only (a filtered index), so a soft-deleted user's email can
 * register again. Written by hand: MikroORM compares indexes with an expression by name only, so its migrator
 * sees no change here. The statement in `up()` is the one the entities render (`generateDdl`); a test checks it.
 * The default collation keeps the comparison case-insensitive. `down()` fails while two users (one of them
 * deleted) share an email.
 */
export class Migration20261129170000_UserEmailUniqueAmongLive extends Migration {
  override up(): void {
    this.addSql(`DROP INDEX [UQ_User_Email] ON [User];`);
    this.addSql(`create unique index [UQ_User_Email] on [dbo].[User] ([Email]) where [IsDeleted] = 0;`);
  }

  override down(): void {
    this.addSql(`DROP INDEX [UQ_User_Email] ON [User];`);
    this.addSql(`CREATE UNIQUE INDEX [UQ_User_Email] ON [User] ([Email]) WHERE [Email] IS NOT NULL;`);
  }
}
