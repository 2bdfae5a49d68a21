import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../../src/lib/server/import/csv';

describe('guessDelimiter', () => {
	it.each([
		['plain CSV', 'a,b,c\n1,2,3\n4,5,6\n', ','],
		[
			'TSV whose text has commas',
			'code\ttitle\tdescription\n1\tA\tone, two, three\n2\tB\tfour\n',
			'\t'
		],
		['semicolons (European Excel)', 'a;b;c\n1,5;2,5;3\n', ';'],
		[
			'a note line above a comma header',
			'# made up; for show\narea,soc,value\n1,2,3\n4,5,6\n',
			','
		],
		['commas inside quotes do not count', 'a|b\n"x, y, z"|2\n"p, q"|3\n', '|'],
		['a byte-order mark and blank lines first', '\uFEFF\n\na\tb\n1\t2\n', '\t'],
		['one column', 'title\nalpha\nbeta\n', ','],
		['empty', '', ',']
	])('%s', (_name, text, expected) => expect(guessDelimiter(text)).toBe(expected));
});
