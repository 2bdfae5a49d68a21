import { defineConfig } from 'drizzle-kit';

/** The server-state database (sessions, import jobs): see src/lib/server/db/state-schema.ts. */
export default defineConfig({
	schema: './src/lib/server/db/state-schema.ts',
	out: './migrations/state',
	dialect: 'sqlite',
	verbose: true,
	strict: true
});
