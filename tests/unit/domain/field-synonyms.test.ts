import { describe, expect, it } from 'vitest';
import { guessFields, plainName } from '../../../src/lib/domain/field-synonyms';

const COMPLETIONS = [
	'area',
	'program',
	'completers',
	'year',
	'provider',
	'program_type',
	'soc',
	'cip'
];

describe('guessFields', () => {
	it('matches field names ignoring case, spaces, underscores and punctuation', () => {
		expect(
			guessFields(COMPLETIONS, ['PROGRAM', 'Completers', 'Program Type', 'program-type2', 'Year '])
		).toEqual({
			program: 'PROGRAM',
			completers: 'Completers',
			program_type: 'Program Type',
			year: 'Year '
		});
		expect(plainName('Program_Type ')).toBe(plainName('program type'));
	});

	it('matches common synonyms, a column named as a field winning over a synonym', () => {
		expect(
			guessFields(COMPLETIONS, [
				'Course',
				'Graduates',
				'Institution',
				'SOC Code',
				'CIP_Code',
				'CBSA'
			])
		).toEqual({
			program: 'Course',
			completers: 'Graduates',
			provider: 'Institution',
			soc: 'SOC Code',
			cip: 'CIP_Code',
			area: 'CBSA'
		});
		// "Completions" is a synonym of completers, but a column called Completers is the one.
		expect(guessFields(['completers'], ['Completions', 'Completers'])).toEqual({
			completers: 'Completers'
		});
	});

	it('gives each column to one field and leaves unmatched fields out', () => {
		// `type` is a credentials field and a program-type synonym is not: no double use.
		const got = guessFields(
			['name', 'issuer', 'soc', 'type'],
			['Credential', 'Org', 'Type', 'Notes']
		);
		expect(got).toEqual({ name: 'Credential', issuer: 'Org', type: 'Type' });
		expect(guessFields(['area'], ['', ' ', 'Region name'])).toEqual({});
		expect(guessFields([], ['Program'])).toEqual({});
	});
});
