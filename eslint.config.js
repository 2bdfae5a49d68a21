import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of docs/ARCHITECTURE.md, held by the linter: each entry names a folder and the
 * imports it may not make (regexes over the import text, relative or `$lib/…`).
 */
/**
 * @param {string[]} files
 * @param {{ regex: string, message: string, allowTypeImports: boolean }[]} patterns
 * @returns {import('eslint').Linter.Config}
 */
const layer = (files, patterns) => ({
	files,
	rules: { 'no-restricted-imports': ['error', { patterns }] }
});
/** @type {(regex: string, message: string, allowTypeImports?: boolean) => { regex: string, message: string, allowTypeImports: boolean }} */
const forbid = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });
const LAYERS = [
	layer(
		['src/lib/domain/**'],
		[forbid('^(\\.\\./|\\$lib/|\\$app/|\\$env/)', 'domain/ imports nothing of ours.')]
	),
	layer(
		['src/lib/analysis/**'],
		[
			forbid(
				'^(\\.\\./(?!domain/)|\\$lib/(?!domain/)|\\$app/|\\$env/)',
				'analysis/ is pure: it imports only domain/.'
			)
		]
	),
	layer(
		['src/lib/server/db/**'],
		[
			forbid(
				'(^|/)(analysis|charts|components|paraglide|reports|import|routes)(/|$)|^\\$app/',
				'db/ reads the database: it imports only domain/.'
			)
		]
	),
	layer(
		['src/lib/server/reports/**'],
		[
			forbid(
				'(^|/)(charts|components|paraglide|import)(/|$)|^\\$app/',
				'reports/ build on db/, analysis/ and domain/: never charts, pages or import adapters.'
			)
		]
	),
	layer(
		['src/lib/charts/**'],
		[
			forbid(
				'(^|/)server(/|$)|^\\$env/',
				'charts/ run in the browser: domain/ and analysis/ only, never server code.'
			)
		]
	),
	layer(
		['src/routes/**/*.ts'],
		[
			forbid(
				'^\\$lib/(analysis|server/import/sources|server/db/client)(/|$)',
				'Routes stay thin: they call a report (or a query) and return it.'
			)
		]
	),
	layer(
		['src/routes/**/*.svelte', 'src/lib/components/**'],
		[
			forbid(
				'^\\$lib/server(/|$)',
				'Pages and components run in the browser: server modules only as types.',
				true
			)
		]
	)
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is served at the root (no `paths.base`), and most links carry query strings.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
		},
		rules: { '@typescript-eslint/no-floating-promises': 'error' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...LAYERS,
	{
		ignores: [
			'.scratch/',
			'test-results/',
			'build/',
			'dist/',
			'.svelte-kit/',
			'node_modules/',
			'migrations/',
			'data/',
			'bench/out/',
			'src/lib/paraglide/'
		]
	}
);
