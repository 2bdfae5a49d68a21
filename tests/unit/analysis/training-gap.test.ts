import { describe, expect, it } from 'vitest';
import { signDisagrees, trainingGap } from '../../../src/lib/analysis/training-gap';
import type { GapEligibility } from '../../../src/lib/analysis/supply-eligibility';

const applicable: GapEligibility = {
	status: 'applicable',
	reason: 'postsecondary-award',
	experienceFlag: false
};
const notApplicable: GapEligibility = {
	status: 'not-applicable',
	reason: 'no-postsecondary-award-needed',
	experienceFlag: false
};
const unknown: GapEligibility = {
	status: 'unknown',
	reason: 'no-education-data',
	experienceFlag: false
};
const measured = (value: number) => ({ status: 'measured' as const, value });
const notMeasured = { status: 'not-measured' as const, value: null };

describe('trainingGap', () => {
	it.each([
		[
			'office clerks: no gap however few graduates',
			notApplicable,
			11300,
			measured(29),
			'not-applicable',
			'no-postsecondary-award-needed',
			null,
			null
		],
		[
			'software developers',
			applicable,
			2000,
			measured(900),
			'gap',
			'postsecondary-award',
			1100,
			0.45
		],
		['over-supplied', applicable, 100, measured(250), 'gap', 'postsecondary-award', -150, 2.5],
		['openings zero: no ratio', applicable, 0, measured(5), 'gap', 'postsecondary-award', -5, null],
		[
			'openings suppressed',
			applicable,
			null,
			measured(5),
			'unknown',
			'openings-missing',
			null,
			null
		],
		[
			'supply not measured',
			applicable,
			100,
			notMeasured,
			'unknown',
			'supply-not-measured',
			null,
			null
		],
		['no EP data', unknown, 100, measured(5), 'unknown', 'no-education-data', null, null]
	] as const)('%s', (_c, eligibility, openings, supply, status, reason, gap, ratio) => {
		const r = trainingGap(eligibility, openings, supply);
		expect(r.status).toBe(status);
		expect(r.reason).toBe(reason);
		expect(r.gap).toBe(gap);
		if (ratio === null) expect(r.ratio).toBeNull();
		else expect(r.ratio).toBeCloseTo(ratio, 12);
	});

	it('keeps the 5+ years experience flag', () => {
		expect(
			trainingGap({ ...applicable, experienceFlag: true }, 10, measured(1)).experienceFlag
		).toBe(true);
	});
});

describe('signDisagrees', () => {
	it.each([
		[2130, -918, true],
		[-5, 3, true],
		[10, 20, false],
		[-1, -2, false],
		[0, 5, false],
		[null, 5, false],
		[5, null, false]
	])('%s vs %s → %s', (a, b, expected) => {
		expect(signDisagrees(a, b)).toBe(expected);
	});
});
