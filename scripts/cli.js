// Runs a command-line script (scripts/NAME.ts) as JavaScript compiled ahead of time by esbuild
// into dist/cli/NAME.js: starting Node on plain JavaScript takes a fraction of tsx compiling the
// TypeScript at every run. `npm ci` compiles them (scripts/build.ts); this compiles one again
// when its output is missing or older than any of the sources it was made from.
//
// Usage: node scripts/cli.js NAME [ARGS...]   (what `npm run import` and the others run)
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLI_SCRIPTS = ['import', 'seed', 'migrate', 'sources', 'living-wage'];
const OUT = 'dist/cli';

/** @param {string} name */
const outputOf = (name) => join(OUT, `${name}.js`);
/** @param {string} name */
const inputsOf = (name) => join(OUT, `${name}.inputs.json`);

/** @param {string} name */
function stale(name) {
	const out = outputOf(name);
	if (!existsSync(out) || !existsSync(inputsOf(name))) return true;
	const built = statSync(out).mtimeMs;
	/** @type {string[]} */
	const inputs = JSON.parse(readFileSync(inputsOf(name), 'utf8'));
	return inputs.some((file) => !existsSync(file) || statSync(file).mtimeMs > built);
}

/**
 * Packages left as imports: the native driver (its .node file is found from its own folder, and
 * the import's writer thread loads it by path) and exceljs, loaded only when a workbook is read.
 */
const EXTERNAL = ['better-sqlite3', 'exceljs'];

/**
 * Compiles scripts/NAME.ts, everything it imports from this repository and the pure-JavaScript
 * packages it uses into one file: Node resolving and loading drizzle-orm's and papaparse's
 * modules one by one cost ~0.15 s of CPU at every start. Records the source files (with this
 * file and the lockfile, which changes when a package does), to tell when it is stale.
 * @param {string} name
 */
export async function compileCli(name) {
	const { build } = await import('esbuild');
	const result = await build({
		entryPoints: [`scripts/${name}.ts`],
		outfile: outputOf(name),
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		external: EXTERNAL,
		// papaparse (CommonJS) requires Node's stream module; ESM output has no require of its own.
		banner: {
			js: "import { createRequire as createRequireForCli } from 'node:module'; const require = createRequireForCli(import.meta.url);"
		},
		sourcemap: true,
		metafile: true,
		logLevel: 'error'
	});
	mkdirSync(dirname(inputsOf(name)), { recursive: true });
	const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
	writeFileSync(
		inputsOf(name),
		JSON.stringify([
			...sources,
			'scripts/cli.js',
			// A checkout without a lockfile would otherwise compile again at every run.
			...(existsSync('package-lock.json') ? ['package-lock.json'] : [])
		])
	);
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) {
	const name = process.argv[2] ?? '';
	if (!CLI_SCRIPTS.includes(name)) {
		console.error(`usage: node scripts/cli.js (${CLI_SCRIPTS.join('|')}) [ARGS...]`);
		process.exit(2);
	}
	if (stale(name)) await compileCli(name);
	// The script reads its own arguments from process.argv.slice(2), as under tsx.
	process.argv.splice(2, 1);
	await import(pathToFileURL(outputOf(name)).href);
}
