/** Write levels/level.schema.json from the one Zod definition (editors use it to check level files). */
import { writeFileSync } from 'node:fs';
import { levelJsonSchema } from '../src/levels/jsonSchema';
import { argsOrExit } from './args';

argsOrExit('npm run schema', 'Writes levels/level.schema.json from the level schema in src/levels/schema.ts.', {});
const file = new URL('../levels/level.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(levelJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
