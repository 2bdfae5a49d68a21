// build/index.js — what `node build` and `npm start` run (svelte.config.js puts it in front of
// adapter-node's own entry, renamed build/server.js). Plain JavaScript: it is copied, not built.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

// The app sets its own limits on request bodies (src/hooks.server.ts: 1 MB, uploads 20 files of
// 200 MB) and answers a refused body with its JSON error; adapter-node's own limit (512 KB unless
// BODY_SIZE_LIMIT says otherwise) would refuse uploads first, as plain text.
process.env.BODY_SIZE_LIMIT = 'Infinity';

const requested = process.env.WEB_CONCURRENCY?.trim();
const processes =
	requested === 'auto' ? availableParallelism() : Math.max(1, Math.floor(Number(requested) || 1));

if (processes > 1 && cluster.isPrimary) {
	// Several processes share the port (the primary hands out connections) and the database file:
	// every one serves reads; imports run one at a time across them (src/lib/server/jobs.ts).
	console.log(`Starting ${processes} server processes (WEB_CONCURRENCY)…`);
	let listening = 0;
	let stopping = false;
	const fork = () =>
		cluster.fork().on('listening', () => {
			if (++listening === processes) {
				const port = process.env.PORT ?? '3000';
				console.log(`All ${processes} processes are listening on port ${port}.`);
			}
		});
	for (let i = 0; i < processes; i++) fork();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		console.error(
			`Server process ${worker.process.pid} ended (${signal ?? code}); starting another.`
		);
		listening--;
		fork();
	});
	for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGTERM', 'SIGINT'])) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
			// Give the processes adapter-node's time to finish their requests, then go.
			setTimeout(() => process.exit(0), 35_000).unref();
			cluster.on('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			});
		});
	}
} else {
	// adapter-node's own entry, next to this file in build/.
	await import(new URL('./server.js', import.meta.url).href);
}
