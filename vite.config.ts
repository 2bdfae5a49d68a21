import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// Compiles messages/*.json into typed functions in src/lib/paraglide (generated, not committed).
		// The language lives in the URL: /es/… is Spanish, no prefix is English.
		// Under vitest the messages are already compiled (`npm run check` runs first); the plugin's
		// file watcher would otherwise keep the test process from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['url', 'baseLocale']
					})
				])
	],
	test: {
		expect: { requireAssertions: true },
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		// Imports write whole files in one transaction; the real files take seconds on a shared machine.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'reliability',
					environment: 'node',
					include: ['tests/reliability/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					// Starts the one server (building first when the build is stale) before any test runs.
					globalSetup: ['./tests/e2e/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// One Chromium at a time, after the other projects: two shared cores are not enough
					// for browsers next to the import tests, and timing-sensitive pages would flake.
					fileParallelism: false,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
