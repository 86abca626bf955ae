// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, articleJsonSchemaText } from '../../../scripts/articleJsonSchema';
import { ROOT } from '../support/paths';

describe('the published JSON Schema', () => {
  it('is the one generated from the schema the reader validates with', () => {
    const committed = readFileSync(join(ROOT, SCHEMA_FILE), 'utf8');
    expect(committed, `${SCHEMA_FILE} is stale: run \`npm run schema\` and commit the result`).toBe(articleJsonSchemaText());
  });
});
