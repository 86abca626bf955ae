import { toJsonSchema } from '@valibot/to-json-schema';
import { ArticleSchema } from '../src/content/schema';

export const SCHEMA_FILE = 'public/content/article.schema.json';

/**
 * The published JSON Schema, generated from the schema the app validates with. Calendar checks
 * (no 30 February) cannot be said in JSON Schema; the patterns that can are kept.
 */
export function articleJsonSchemaText(): string {
  const schema = toJsonSchema(ArticleSchema, { errorMode: 'ignore' });
  return `${JSON.stringify(
    { $schema: 'http://json-schema.org/draft-07/schema#', $id: '/content/article.schema.json', ...schema },
    null,
    2,
  )}\n`;
}
