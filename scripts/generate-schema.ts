import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, articleJsonSchemaText } from './articleJsonSchema';

writeFileSync(SCHEMA_FILE, articleJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
