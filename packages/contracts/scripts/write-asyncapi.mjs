// Writes asyncapi.json from the compiled package; `npm run asyncapi` builds first so the file matches the sources.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { buildAsyncApiDocument } = require(join(packageRoot, 'dist', 'index.js'));

const target = join(packageRoot, 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
