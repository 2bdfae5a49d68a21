/**
 * Import messages are written for the command line (`--year`, `--replace`, `npm run sources`).
 * The data page shows the same messages, but its user has boxes and buttons, not options: this
 * table says each command-line hint in the page's terms. One table, so a new hint in an adapter
 * needs one new line here (tests/unit/server/coverage.test.ts checks none is left over).
 */
const BROWSER_WORDS: [RegExp, string][] = [
	[
		/\(see docs\/IMPORT\.md, "Your own data"; --map "their column=our field" renames columns, --map "=value=our field" gives every row one value\)/g,
		'(under “Map columns”, say which of your columns is which, or choose “The same value for every row” for a field the file lacks)'
	],
	[/\(see docs\/IMPORT\.md, "Your own data"\)/g, '(“Map columns” lists the fields of each format)'],
	[/,? or pass --year\b/g, ', or enter the year in the Year box'],
	[/\(or --year\)/g, '(or the Year box)'],
	[/\bor --year\b/g, 'or the Year box'],
	[/\(--replace\)/g, '(tick “Replace figures already imported” and import it again)'],
	[
		/; --map "their column=our field" renames columns\)/g,
		'; choose “Map columns” to say which of your columns is which)'
	],
	[/\(npm run sources lists their headers\)/g, '(the guide on this page lists their headers)'],
	[/\bsee docs\/IMPORT-GENERIC\.md\b/g, 'see the formats in the guide on this page']
];

/** A CLI-worded import message in the data page's words. */
export function forBrowser(message: string): string {
	let out = message;
	for (const [pattern, words] of BROWSER_WORDS) out = out.replace(pattern, words);
	return out;
}

/** Command-line wording a browser message must never contain. */
export const CLI_ONLY = /(^|\s|\()--[a-z]|npm run|docs\//;
