/** The part of autocannon 8's programmatic API the page benchmark uses (the package ships no types). */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		timeout?: number;
		pipelining?: number;
		headers?: Record<string, string>;
		/** Rewrites each request before it is sent (e.g. a different path every time). */
		requests?: { setupRequest?: (req: { path: string }) => { path: string } }[];
	}

	interface Histogram {
		average: number;
		mean: number;
		min: number;
		max: number;
		p50: number;
		p90: number;
		p97_5: number;
		p99: number;
	}

	interface Result {
		requests: Histogram & { total: number };
		latency: Histogram;
		throughput: Histogram;
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
	}

	interface Instance extends EventEmitter {
		on(
			event: 'response',
			listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void
		): this;
	}

	function autocannon(
		options: Options,
		done: (error: Error | null, result: Result) => void
	): Instance;
	export default autocannon;
	export type { Options, Result, Instance };
}
