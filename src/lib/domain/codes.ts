/**
 * The codes every layer speaks: areas and occupations are text, always (`31080`, `15-1252`).
 * The route matchers (src/params), the API's checks and the import adapters read these patterns.
 */

/** The nation's OEWS area code. */
export const NATIONAL_AREA = '99';

/** The all-occupations row of an OEWS area (its total employment and median wage). */
export const ALL_OCCUPATIONS = '00-0000';

/** OEWS area codes: `99` (nation), 2-digit state FIPS, 5-digit CBSA/NECTA, 7-digit nonmetro. */
export const AREA_PATTERN = /^\d{2,7}$/;

/** SOC 2018 occupation codes such as 15-1252. */
export const SOC_PATTERN = /^\d{2}-\d{4}$/;

/** Two-digit SOC major groups such as 15. */
export const MAJOR_GROUP_PATTERN = /^\d{2}$/;

export const isAreaCode = (text: string): boolean => AREA_PATTERN.test(text);
export const isSocCode = (text: string): boolean => SOC_PATTERN.test(text);

/** The major group (`15`) of a SOC code (`15-1252`). */
export const majorGroupOf = (soc: string): string => soc.slice(0, 2);

/**
 * Occupation groups, the unit of OEWS coverage (see server/import/oews-coverage.ts): a SOC code's
 * major code (`15`), `00` for the all-occupations total. Stored sorted and comma-separated.
 */
export const TOTAL_GROUP = '00';
export const groupOf = (soc: string): string => soc.slice(0, 2);
export const formatGroups = (groups: Iterable<string>): string => [...groups].sort().join(',');
export const parseGroups = (text: string): string[] =>
	text === '' ? [] : text.split(',').filter((g) => g !== '');
