/**
 * npm run living-wage -- [--db PATH] [--source TEXT] AREA AMOUNT   sets an area's living wage
 * npm run living-wage -- [--db PATH] AREA                          shows it
 * AMOUNT is dollars a year (e.g. 52000 or 52,000).
 */
import { createDb, databasePathFromEnv, migrateDb } from '../src/lib/server/db/client';
import { getArea } from '../src/lib/server/db/queries/oews';
import { livingWageFor, setLivingWage } from '../src/lib/server/db/queries/sources';
import { parseArgs, UsageError } from './cli-args';

const USAGE = 'usage: npm run living-wage -- [--db PATH] [--source TEXT] AREA [AMOUNT]';

function main(argv: string[]): number {
	let args;
	try {
		args = parseArgs(argv, { options: ['db', 'source'] });
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`living-wage: ${e.message}\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	const [area, amountText, extra] = args.positional;
	if (!area || extra !== undefined) {
		console.error(USAGE);
		return 2;
	}
	const db = createDb(args.options.get('db')?.at(-1) ?? databasePathFromEnv());
	migrateDb(db);
	try {
		if (!getArea(db, area)) {
			console.error(`living-wage: no area with code ${area} in the database`);
			return 1;
		}
		if (amountText !== undefined) {
			const amount = Number(amountText.replaceAll(',', ''));
			if (!Number.isFinite(amount) || amount <= 0) {
				console.error(
					`living-wage: AMOUNT must be a positive number of dollars a year, not ${JSON.stringify(amountText)}`
				);
				return 2;
			}
			setLivingWage(db, area, amount, args.options.get('source')?.at(-1) ?? null, 'cli');
		}
		const current = livingWageFor(db, area);
		console.log(
			current
				? `${area}: $${current.annualWage.toLocaleString('en-US')} a year${current.source ? ` (${current.source})` : ''}, set ${current.updatedAt}`
				: `${area}: no living wage set`
		);
		return 0;
	} finally {
		db.$client.close();
	}
}

process.exitCode = main(process.argv.slice(2));
