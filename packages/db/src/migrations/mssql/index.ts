import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127082607_Initial } from './20261127082607-initial';
import { Migration20261129170000_UserEmailUniqueAmongLive } from './20261129170000-user-email-unique-among-live';

/**
 * The SQL Server migrations, oldest first. Rewritten by `eventlead-db migration:create`.
 */
export const mssqlMigrations: MigrationObject[] = [
  { name: 'Migration20261127082607_Initial', class: Migration20261127082607_Initial },
  { name: 'Migration20261129170000_UserEmailUniqueAmongLive', class: Migration20261129170000_UserEmailUniqueAmongLive },
];
