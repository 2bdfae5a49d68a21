/** The folded OEWS statuses: one character per measure, NULL when all were published. */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { VALUE_STATUSES } from '../../../src/lib/domain/rows';
import {
	OEWS_MEASURES,
	decodeStatuses,
	encodeStatuses,
	statusFields
} from '../../../src/lib/server/db/oews-statuses';
import { oewsFacts } from '../../../src/lib/server/db/schema';
import { LEGISLATOR_STATUSES, LEGISLATOR_TEXT } from '../../helpers/oews-statuses';

const none = () => OEWS_MEASURES.map(() => null);

describe('OEWS statuses folded into one text', () => {
	it('lists every value column of oews_facts, in the table’s order, and nothing else', () => {
		const columns = getTableColumns(oewsFacts);
		const real = Object.entries(columns)
			.filter(([, c]) => c.columnType === 'SQLiteReal')
			.map(([key, c]) => [key, c.name]);
		expect(OEWS_MEASURES.map(([key, column]) => [key, column])).toEqual(real);
	});

	it('is NULL when every measure was published, so most rows store nothing', () => {
		expect(encodeStatuses(none())).toBeNull();
		expect(decodeStatuses(null)).toEqual(none());
	});

	it('keeps each status at its measure through a round trip', () => {
		for (const status of VALUE_STATUSES) {
			for (let k = 0; k < OEWS_MEASURES.length; k++) {
				const statuses = none() as (typeof status | null)[];
				statuses[k] = status;
				const text = encodeStatuses(statuses)!;
				expect(text).toHaveLength(OEWS_MEASURES.length);
				expect(decodeStatuses(text)).toEqual(statuses);
			}
		}
		const text = encodeStatuses(LEGISLATOR_STATUSES);
		expect(text).toBe(LEGISLATOR_TEXT);
		expect(statusFields(text)).toMatchObject({
			employmentStatus: 'employment_not_available',
			hourlyMeanStatus: 'not_available',
			annualMeanStatus: null,
			annualMedianStatus: null,
			annualP75Status: 'under_half_percent',
			annualP90Status: 'top_coded'
		});
	});

	it('refuses a damaged text instead of guessing', () => {
		expect(() => decodeStatuses('--')).toThrow(/17 characters/);
		expect(() => decodeStatuses('-'.repeat(16) + '?')).toThrow(/unknown code "\?"/);
		expect(() => encodeStatuses([null])).toThrow(RangeError);
	});
});
