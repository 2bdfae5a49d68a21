import { describe, expect, it } from 'vitest';
import {
	awardCounts,
	awardRule,
	gapEligibility
} from '../../../src/lib/analysis/supply-eligibility';

describe('gapEligibility', () => {
	it.each([
		// [case, entry education, experience, licence, status, reason, experience flag]
		[
			'office clerk',
			'High school diploma or equivalent',
			'None',
			false,
			'not-applicable',
			'no-postsecondary-award-needed',
			false
		],
		[
			'cook',
			'No formal educational credential',
			'Less than 5 years',
			null,
			'not-applicable',
			'no-postsecondary-award-needed',
			false
		],
		[
			'user support',
			'Some college, no degree',
			'None',
			null,
			'not-applicable',
			'no-postsecondary-award-needed',
			false
		],
		[
			'software developer',
			"Bachelor's degree",
			'None',
			null,
			'applicable',
			'postsecondary-award',
			false
		],
		[
			'nursing assistant',
			'Postsecondary nondegree award',
			'None',
			true,
			'applicable',
			'postsecondary-award',
			false
		],
		[
			'electrician (licence)',
			'High school diploma or equivalent',
			'None',
			true,
			'applicable',
			'licence-required',
			false
		],
		[
			'top executive',
			"Bachelor's degree",
			'5 years or more',
			null,
			'applicable',
			'postsecondary-award',
			true
		],
		['EP suppressed', '\u2014', '\u2014', null, 'unknown', 'no-education-data', false],
		['no EP row, licensed', null, null, true, 'applicable', 'licence-required', false],
		['no EP row', null, null, null, 'unknown', 'no-education-data', false]
	] as const)('%s', (_c, entryEducation, workExperience, licenceRequired, status, reason, flag) => {
		const r = gapEligibility({ entryEducation, workExperience, licenceRequired });
		expect(r).toEqual({ status, reason, experienceFlag: flag });
	});
});

describe('awardRule and awardCounts', () => {
	const BACHELOR = 5;
	const ASSOCIATE = 3;
	const MASTER = 7;
	const DOCTOR_PROF = 18;
	const CERT = 21;
	it.each([
		// [soc, EP education, AWLEVEL, counts?]
		['15-1252', "Bachelor's degree", BACHELOR, true],
		['15-1252', "Bachelor's degree", MASTER, true], // at or above
		['15-1252', "Bachelor's degree", ASSOCIATE, false],
		['15-1252', "Bachelor's degree", CERT, false],
		['29-1141', "Bachelor's degree", ASSOCIATE, true], // an associate's-degree nurse is an RN
		['29-1141', "Bachelor's degree", BACHELOR, true],
		['29-1141', "Bachelor's degree", MASTER, false], // MSN graduates are already nurses
		['29-1141', "Bachelor's degree", CERT, false],
		['25-1072', 'Doctoral or professional degree', BACHELOR, false], // nursing instructors
		['25-1072', 'Doctoral or professional degree', MASTER, false],
		['25-1194', "Bachelor's degree", MASTER, false], // any 25-1xxx: doctoral only
		['25-1072', 'Doctoral or professional degree', DOCTOR_PROF, true],
		['25-2021', "Bachelor's degree", BACHELOR, true], // elementary teachers are not 25-1xxx
		['31-1131', 'Postsecondary nondegree award', CERT, true],
		['43-9061', 'High school diploma or equivalent', CERT, true],
		['99-0000', null, CERT, true], // no floor known: every award counts
		['15-1252', "Bachelor's degree", 12, false] // not an IPEDS level
	] as const)('%s (%s) with AWLEVEL %i → %s', (soc, edu, level, counts) => {
		expect(awardCounts(awardRule(soc, edu), level)).toBe(counts);
	});

	it('says which exception applies and whether the floor is known', () => {
		expect(awardRule('29-1141', "Bachelor's degree").exception).toBe('rn-licensure');
		expect(awardRule('25-1011', null).exception).toBe('postsecondary-teacher');
		expect(awardRule('15-1252', null)).toMatchObject({ exception: null, floorKnown: false });
	});
});
