/**
 * The writer thread runs the compiled text of writer-program.ts embedded in
 * writer-program.generated.ts; this fails when that copy is not what the source compiles to now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, compileWriterProgram, generatedModule } from '../../../scripts/gen-writer';
import { WRITER_SOURCE } from '../../../src/lib/server/import/writer-program.generated';

describe('the writer thread program', () => {
	const compiled = compileWriterProgram();

	it('is embedded as writer-program.ts compiles now (else run `npm run gen:writer`)', () => {
		expect(WRITER_SOURCE).toBe(compiled);
		expect(readFileSync(GENERATED, 'utf8')).toBe(generatedModule(compiled));
	});

	it('loads nothing but Node modules at run time', () => {
		const required = [...compiled.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
		expect(required).toEqual(['node:module', 'node:worker_threads']);
		expect(compiled).not.toMatch(/\bimport\b/);
	});

	it('notices an edit to the program', () => {
		const edited = readFileSync(GENERATED.replace('.generated', ''), 'utf8').replace(
			"db.pragma('synchronous = NORMAL');",
			"db.pragma('synchronous = FULL');"
		);
		expect(compileWriterProgram(edited)).not.toBe(WRITER_SOURCE);
	});
});
