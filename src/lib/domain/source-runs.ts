/**
 * Which import sources (the `source` of an import run) stand behind each of the column registry's
 * sources: how a downloaded figure names the files and years it was computed from.
 */
import type { SourceId } from './columns';

export const RUN_SOURCES: Record<SourceId, readonly string[]> = {
	'bls-oews': ['bls-oews'],
	'bls-ep': ['bls-ep-occupation', 'generic-projections'],
	ipeds: ['nces-ipeds-completions', 'nces-ipeds-hd'],
	'cip-soc': ['nces-cip-soc-crosswalk'],
	'digital-categories': ['digital-jobs-categories'],
	demographics: [
		'bls-cps-table11',
		'census-acs-cbsa-baseline',
		'generic-occupation-demographics',
		'generic-labor-force-baseline'
	],
	'living-wage': ['hhs-poverty-guidelines'],
	'program-completions': ['generic-program-completions']
};

/** The runs among `runs` that feed a figure drawn from `sources`. */
export function runsOf<R extends { source: string }>(
	runs: readonly R[],
	sources: readonly SourceId[]
): R[] {
	const wanted = new Set(sources.flatMap((s) => RUN_SOURCES[s]));
	return runs.filter((r) => wanted.has(r.source));
}
