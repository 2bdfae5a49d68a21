/** npm run db:migrate [-- --db PATH]: applies the committed migrations. */
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import { parseArgs } from './cli-args';

const args = parseArgs(process.argv.slice(2), { options: ['db'] });
const path = args.options.get('db')?.at(-1) ?? databasePathFromEnv();
const db = createDb(path);
migrateDb(db);
db.$client.close();
console.log(`migrated ${path}`);
