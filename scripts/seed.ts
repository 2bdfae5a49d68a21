/** npm run seed [-- --db PATH]: imports the bundled sample (files already imported are skipped). */
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import { parseArgs } from './cli-args';
import { loadSample } from './sample-data';

const args = parseArgs(process.argv.slice(2), { options: ['db'] });
const db = createDb(args.options.get('db')?.at(-1) ?? databasePathFromEnv());
migrateDb(db);
await loadSample(db.$client, (line) => console.log(line));
db.$client.close();
