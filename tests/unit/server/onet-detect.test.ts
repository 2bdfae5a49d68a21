/**
 * Which O*NET headers the O*NET adapters claim: each of their files goes to its own adapter, and
 * look-alike O*NET files (and the BLS O*NET crosswalk) are left alone.
 */
import { describe, expect, it } from 'vitest';
import { headerKey } from '../../../src/lib/server/import/normalize';
import { detectAdapter } from '../../../src/lib/server/import/sources/index';

const detect = (header: string, sheet: string | null = null) =>
	detectAdapter(header.split('\t').map(headerKey), { sheet, fileName: 'x.txt' })?.id ?? null;

describe('O*NET header detection', () => {
	it.each([
		['O*NET-SOC Code\tTitle\tDescription', 'onet-occupation-data'],
		[
			'O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex',
			'onet-related-occupations'
		],
		['O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source', 'onet-job-zones'],
		[
			'O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tCategory\tData Value\tN\t' +
				'Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tDate\tDomain Source',
			'onet-education-training-experience'
		],
		[
			'Element ID\tElement Name\tScale ID\tScale Name\tCategory\tCategory Description',
			'onet-education-categories'
		],
		[
			'O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand',
			'onet-technology-skills'
		],
		['O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)', 'onet-alternate-titles'],
		// Exports that drop the asterisk from the code column.
		['ONET-SOC Code\tTitle\tJob Zone', 'onet-job-zones']
	])('%s → %s', (header, id) => {
		expect(detect(header)).toBe(id);
	});

	it.each([
		// Skills: scale ratings, no Category column.
		'O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\t' +
			'Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source',
		// Work Context: has Category, and Not Relevant.
		'O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tCategory\tData Value\tN\t' +
			'Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source',
		'Job Zone\tName\tExperience\tEducation\tJob Training\tExamples\tSVP Range',
		'Element ID\tElement Name\tDescription',
		'Scale ID\tScale Name\tMinimum\tMaximum',
		'O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move',
		// Tools Used: no Hot Technology flag.
		'O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title',
		// BLS EP's O*NET → SOC crosswalk.
		'Sort Order\tO*NET-SOC Code\tO*NET-SOC Title\tNEM Code\tNational Employment Matrix Occupational Title'
	])('leaves %s to others', (header) => {
		expect(detect(header) ?? '').not.toMatch(/^onet-/);
	});
});
