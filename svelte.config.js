import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * adapter-node, with scripts/server-entry.js in front of its entry: the app's own body limits
 * instead of the adapter's (so `node build` and `npm start` behave the same) and
 * WEB_CONCURRENCY processes.
 */
function nodeAdapter() {
	const node = adapter({ out: 'build' });
	return {
		...node,
		/** @param {import('@sveltejs/kit').Builder} builder */
		async adapt(builder) {
			await node.adapt(builder);
			const entry = readFileSync('build/index.js', 'utf8');
			writeFileSync('build/server.js', entry.replace('index.js.map', 'server.js.map'));
			renameSync('build/index.js.map', 'build/server.js.map');
			copyFileSync('scripts/server-entry.js', 'build/index.js');
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: nodeAdapter(),
		// No inline script runs unless SvelteKit hashed it; styles may be inline (Svelte and Plot
		// set style attributes). Images may be data:/blob: URLs (chart exports).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
