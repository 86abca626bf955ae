import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whatever directory the tests are started from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
