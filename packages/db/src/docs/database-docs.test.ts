import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entities } from '@eventlead/models';
import { findWorkspaceRoot } from '../workspace-root';
import { staleDatabaseDocs } from './database-docs';
import { SCHEMA_REFERENCE_PATH, generateSchemaReference } from './schema-reference';

const root = findWorkspaceRoot(__dirname);

describe('docs/database', () => {
  test('the committed schema reference and DDL files match the entities (regenerate with pnpm --filter @eventlead/db docs:schema)', async () => {
    expect(await staleDatabaseDocs(root)).toEqual([]);
  });

  test('the schema reference covers every table with its columns, constraints and relationships', async () => {
    const doc = await generateSchemaReference();
    expect(doc.match(/^### /gm)).toHaveLength(entities.length);
    for (const entity of entities) {
      expect(doc).toContain(`### ${entity.meta.schema ?? ''}.${entity.meta.tableName}\n`);
    }
    expect(doc).toContain('| `Email` | `varchar(255)` | `nvarchar(255)` | no |  | UQ |');
    expect(doc).toContain('- `FK_UserCompany_InvitedBy`: foreign key (InvitedBy) → dbo.User (UserID), on delete no action, on update no action');
    expect(doc).toContain('- `status`: many-to-one → ref.UserStatus via StatusID');
  });

  test('the quick reference exists next to it', async () => {
    const quick = await readFile(join(root, 'docs/database/quick-reference.md'), 'utf8');
    expect(quick).toContain('schema-reference.md');
    expect(SCHEMA_REFERENCE_PATH).toBe('docs/database/schema-reference.md');
  });
});
