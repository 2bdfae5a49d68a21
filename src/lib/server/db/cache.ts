/**
 * Memoises reads that only change when an import run is added or removed. The key includes the
 * data version (newest run id and run count, one indexed query), so a new or deleted import is
 * seen on the next request; writes outside import runs (living wages) are never cached, or go
 * into the key (the area model's).
 */
import type { Db } from './client';

interface Bucket {
	max: number;
	entries: Map<string, unknown>;
}

const caches = new WeakMap<Db, { version: string; buckets: Map<string, Bucket> }>();
const MAX_ENTRIES = 500;

export function dataVersion(db: Db): string {
	const row = db.$client.prepare('SELECT max(id) AS id, count(*) AS n FROM import_runs').get() as {
		id: number | null;
		n: number;
	};
	return `${row.id ?? 0}:${row.n}`;
}

/**
 * The value for `key` in this data version, computed once. Large values go into their own
 * `bucket` with a smaller `max`, so that they never push out the many small reads.
 */
export function cached<T>(
	db: Db,
	key: string,
	compute: () => T,
	{ bucket = 'reads', max = MAX_ENTRIES }: { bucket?: string; max?: number } = {}
): T {
	const version = dataVersion(db);
	let cache = caches.get(db);
	if (!cache || cache.version !== version) {
		cache = { version, buckets: new Map() };
		caches.set(db, cache);
	}
	let entries = cache.buckets.get(bucket)?.entries;
	if (!entries) {
		entries = new Map();
		cache.buckets.set(bucket, { max, entries });
	}
	if (entries.has(key)) return entries.get(key) as T;
	const value = compute();
	if (entries.size >= max) entries.delete(entries.keys().next().value!);
	entries.set(key, value);
	return value;
}
