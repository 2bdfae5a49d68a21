/** Hand-made pathway nodes and moves shared by the pathway unit tests. */
import type { Move } from '../../../src/lib/analysis/moves';
import type { PathwayNode } from '../../../src/lib/analysis/pathways';

/** A node with only what the test sets; everything else unknown. */
export const pathwayNode = (soc: string, extra: Partial<PathwayNode> = {}): PathwayNode => ({
	soc,
	title: soc,
	level: null,
	category: null,
	medianAnnualWage: null,
	wageTopCoded: false,
	employment: null,
	openings: null,
	jobZone: null,
	entryEducation: null,
	...extra
});

/** A curated move with a given feasibility (its parts are not what such tests are about). */
export const curatedMove = (from: string, to: string, feasibility: number): Move => ({
	from,
	to,
	sources: [{ kind: 'curated', note: null }],
	direction: 'up',
	jobZone: { from: null, to: null },
	entryEducation: { from: null, to: null },
	wageChange: null,
	wageChangeAtLeast: false,
	feasibility,
	parts: { relatedness: feasibility, skills: null, preparation: null },
	similarEnough: null,
	catchAll: { from: false, to: false }
});
