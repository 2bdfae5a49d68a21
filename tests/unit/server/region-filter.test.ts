import { describe, expect, it } from 'vitest';
import { filterRows, type OccupationRow } from '../../../src/lib/server/reports/region';

function row(
	soc: string,
	title: string,
	employment: number | null,
	lq: number | null,
	median: number | null,
	level: OccupationRow['level'] = 'detailed',
	medianStatus = 'published'
): OccupationRow {
	const p = { p10: null, p25: null, p50: median, p75: null, p90: null };
	const s = {
		p10: 'published',
		p25: 'published',
		p50: medianStatus,
		p75: 'published',
		p90: 'published'
	} as const;
	return {
		soc,
		title,
		level,
		employment,
		lq,
		lqPublished: null,
		medianAnnualWage: median,
		meanAnnualWage: null,
		medianHourlyWage: null,
		annualWagePercentiles: p,
		annualOnly: false,
		hourlyOnly: false,
		status: {
			employment: employment === null ? 'employment_not_available' : 'published',
			lq: 'computed',
			lqPublished: 'blank',
			medianAnnualWage: medianStatus as 'published',
			meanAnnualWage: 'published',
			medianHourlyWage: 'published',
			annualWagePercentiles: s as unknown as OccupationRow['status']['annualWagePercentiles']
		}
	};
}

const rows = [
	row('15-0000', 'Computer and Mathematical Occupations', 200000, 1.1, 90000, 'major'),
	row('15-1252', 'Software Developers', 49020, 0.89, 127690),
	row('15-1232', 'Computer User Support Specialists', 16000, 0.95, 60000),
	row('11-1011', 'Chief Executives', 12110, 1.49, null, 'detailed', 'top_coded'),
	row('11-1031', 'Legislators', null, null, 61810),
	row('15-1221', 'Computer and Information Research Scientists', 60, 3.2, 140000)
];

describe('filterRows', () => {
	it('keeps detailed rows by default, largest first, missing employment last', () => {
		expect(filterRows(rows, {}).map((r) => r.soc)).toEqual([
			'15-1252',
			'15-1232',
			'11-1011',
			'15-1221',
			'11-1031'
		]);
	});
	it('filters by major group and text, case-insensitively, and by SOC code', () => {
		expect(filterRows(rows, { group: '15' }).map((r) => r.soc)).toEqual([
			'15-1252',
			'15-1232',
			'15-1221'
		]);
		expect(filterRows(rows, { q: 'SUPPORT' }).map((r) => r.soc)).toEqual(['15-1232']);
		expect(filterRows(rows, { q: '11-10' }).map((r) => r.soc)).toEqual(['11-1011', '11-1031']);
		expect(filterRows(rows, { level: 'all', group: '15' })).toHaveLength(4);
	});
	it('ranks LQ only above the 100-job floor; the rest sort last in either direction', () => {
		expect(filterRows(rows, { sort: 'lq' }).map((r) => r.soc)).toEqual([
			'11-1011',
			'15-1232',
			'15-1252',
			'11-1031',
			'15-1221'
		]);
		expect(
			filterRows(rows, { sort: 'lq', dir: 'asc' })
				.map((r) => r.soc)
				.slice(0, 3)
		).toEqual(['15-1252', '15-1232', '11-1011']);
	});
	it('sorts a top-coded median above every published one', () => {
		expect(filterRows(rows, { sort: 'median' })[0]!.soc).toBe('11-1011');
	});
	it('sorts titles A to Z by default', () => {
		expect(filterRows(rows, { sort: 'title' })[0]!.title).toBe('Chief Executives');
	});
});
