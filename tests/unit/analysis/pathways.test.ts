import { describe, expect, it } from 'vitest';
import {
	bfsReachable,
	educationTier,
	indexGraph,
	pathwayLevel,
	type PathwayEdge,
	type PathwayGraph,
	type PathwayLevel,
	type PathwayNode
} from '../../../src/lib/analysis/pathways';

const node = (soc: string, wage: number | null, extra: Partial<PathwayNode> = {}): PathwayNode => ({
	soc,
	title: soc,
	level: null,
	category: null,
	medianAnnualWage: wage,
	wageTopCoded: false,
	employment: null,
	openings: null,
	jobZone: null,
	entryEducation: null,
	...extra
});

const edge = (from: string, to: string, source = 'onet'): PathwayEdge => ({
	from,
	to,
	source,
	tier: source === 'onet' ? 'Primary-Short' : null,
	rank: source === 'onet' ? 1 : null,
	note: null
});

/** "A>B>C" → edges A→B, B→C. */
const chain = (spec: string) => {
	const socs = spec.split('>');
	return socs.slice(1).map((to, i) => edge(socs[i]!, to));
};

const graph = (wages: Record<string, number | null>, ...chains: string[]): PathwayGraph => ({
	nodes: Object.entries(wages).map(([soc, w]) => node(soc, w)),
	edges: chains.flatMap(chain)
});

describe('pathwayLevel: Job Zone × typical entry education (higher level wins)', () => {
	const zones = [1, 2, 3, 4, 5, null] as const;
	const F = 'feeder';
	const E = 'entry';
	const M = 'mid';
	const A = 'advanced';
	const table: [string | null, (PathwayLevel | null)[]][] = [
		['No formal educational credential', [F, F, E, M, A, F]],
		['High school diploma or equivalent', [F, F, E, M, A, F]],
		['Some college, no degree', [E, E, E, M, A, E]],
		['Postsecondary nondegree award', [E, E, E, M, A, E]],
		["Associate's degree", [E, E, E, M, A, E]],
		["Bachelor's degree", [M, M, M, M, A, M]],
		["Master's degree", [A, A, A, A, A, A]],
		['Doctoral or professional degree', [A, A, A, A, A, A]],
		[null, [F, F, E, M, A, null]],
		['—', [F, F, E, M, A, null]],
		['Apprenticeship', [F, F, E, M, A, null]]
	];
	it.each(
		table.flatMap(([education, levels]) =>
			zones.map((zone, i) => [education, zone, levels[i]!] as const)
		)
	)('%s, Job Zone %s → %s', (education, zone, expected) => {
		expect(pathwayLevel(zone, education)).toBe(expected);
	});

	it.each([
		['Job Zone 0 is not a zone', 0, null],
		['Job Zone 6 is not a zone', 6, null],
		['Job Zone 2.5 is not a zone', 2.5, null],
		['Job Zone 0 with a degree: education decides', 0, "Bachelor's degree"]
	] as const)('%s', (_name, zone, education) => {
		expect(pathwayLevel(zone, education)).toBe(education === null ? null : 'mid');
	});

	it.each([
		['Bachelor’s degree', 'bachelor'],
		['  high school   diploma or EQUIVALENT ', 'secondary'],
		['', null],
		[undefined, null]
	] as const)('education string %j → tier %s', (text, tier) => {
		expect(educationTier(text)).toBe(tier);
	});
});

describe('bfsReachable', () => {
	const g = graph({ A: 1, B: 1, C: 1, D: 1, E: 1 }, 'A>B>C>D', 'B>A', 'A>C');
	it.each([
		[0, { A: 0 }],
		[1, { A: 0, B: 1, C: 1 }],
		[5, { A: 0, B: 1, C: 1, D: 2 }]
	])('from A within %i steps', (maxSteps, expected) => {
		expect(Object.fromEntries(bfsReachable(g, 'A', maxSteps))).toEqual(expected);
	});
	it('an unknown origin reaches nothing', () => {
		expect(bfsReachable(g, 'Q', 3).size).toBe(0);
	});
	it('a duplicated node is refused', () => {
		expect(() => indexGraph({ nodes: [node('A', 1), node('A', 2)], edges: [] })).toThrow(
			/A appears twice/
		);
	});
});
