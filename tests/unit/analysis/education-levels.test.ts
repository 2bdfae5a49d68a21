import { describe, expect, it } from 'vitest';
import {
	awardGroup,
	awardRank,
	educationRank,
	epEducation
} from '../../../src/lib/analysis/education-levels';

describe('educationRank', () => {
	it.each([
		['No formal educational credential', 0],
		['High school diploma or equivalent', 0],
		['Some college, no degree', 0.5],
		['Postsecondary nondegree award', 1],
		["Associate's degree", 2],
		['Bachelor\u2019s degree', 3], // curly apostrophe as some files write it
		["  master's   DEGREE ", 4],
		['Doctoral or professional degree', 5],
		['\u2014', null], // EP's dash: not available
		['', null],
		[null, null],
		['Bachelors', null] // a typo is not guessed
	])('%s → %s', (text, rank) => {
		expect(educationRank(text)).toBe(rank);
	});

	it('returns the canonical EP category', () => {
		expect(epEducation("associate's degree")).toBe("Associate's degree");
	});
});

describe('awardRank', () => {
	it.each([
		[20, 1],
		[21, 1],
		[1, 1],
		[2, 1],
		[4, 1],
		[3, 2],
		[5, 3],
		[6, 3.5],
		[7, 4],
		[8, 4.5],
		[17, 5],
		[18, 5],
		[19, 5],
		[12, null],
		[0, null]
	])('AWLEVEL %i → %s', (level, rank) => {
		expect(awardRank(level)).toBe(rank);
	});
});

describe('awardGroup', () => {
	it.each([
		[1, 'certificate'],
		[2, 'certificate'],
		[4, 'certificate'],
		[20, 'certificate'],
		[21, 'certificate'],
		[3, 'associate'],
		[5, 'bachelor'],
		[6, 'graduate'],
		[7, 'graduate'],
		[8, 'graduate'],
		[17, 'graduate'],
		[18, 'graduate'],
		[19, 'graduate'],
		[99, null]
	] as const)('AWLEVEL %i is %s', (level, group) => {
		expect(awardGroup(level)).toBe(group);
	});
});
