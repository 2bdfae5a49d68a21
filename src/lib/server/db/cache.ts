/**
 * Memoises reads that only change when an import run is added or removed. The key includes the
 * data version (newest run id and run count, one indexed query), so a new or deleted import is
 * seen on the next request; writes outside import runs (living wages) are never cached.
 */
import type { Db } from './client';

const caches = new WeakMap<Db, { version: string; entries: Map<string, unknown> }>();
const MAX_ENTRIES = 500;

export function dataVersion(db: Db): string {
	const row = db.$client.prepare('SELECT max(id) AS id, count(*) AS n FROM import_runs').get() as {
		id: number | null;
		n: number;
	};
	return `${row.id ?? 0}:${row.n}`;
}

export function cached<T>(db: Db, key: string, compute: () => T): T {
	const version = dataVersion(db);
	let cache = caches.get(db);
	if (!cache || cache.version !== version) {
		cache = { version, entries: new Map() };
		caches.set(db, cache);
	}
	if (cache.entries.has(key)) return cache.entries.get(key) as T;
	const value = compute();
	if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
	cache.entries.set(key, value);
	return value;
}
