/** Small text helpers shared by the pathway page's components. */
import { formatRatio, formatSignedShare } from '$lib/charts/format';
import { m } from '$lib/paraglide/messages';

/** A fraction as a signed percentage; unknown → the "wage change unknown" text. */
export const pct = (x: number | null) => (x === null ? m.pw_wage_unknown() : formatSignedShare(x));

/** A 0–1 score as two decimals; unknown → "not known". */
export const score = (x: number | null) => (x === null ? m.pw_part_unknown() : formatRatio(x));

const LEVEL_LABELS: Record<string, () => string> = {
	feeder: m.pw_level_feeder,
	entry: m.pw_level_entry,
	mid: m.pw_level_mid,
	advanced: m.pw_level_advanced,
	unknown: m.pw_level_unknown
};
export const levelLabel = (level: string | null) =>
	(LEVEL_LABELS[level ?? 'unknown'] ?? m.unknown)();

/** A URL with some search parameters changed (null removes one). */
export function withParams(url: URL, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [k, v] of Object.entries(changes)) {
		if (v === null) params.delete(k);
		else params.set(k, v);
	}
	return `?${params}`;
}

/**
 * A title finder over the map's occupations and the ones the form names (which may be off the
 * map); an unknown code prints as itself.
 */
export function titles(r: {
	nodes: readonly { soc: string; title: string }[];
	picked: readonly { soc: string; title: string }[];
}): (soc: string | undefined) => string {
	const known = new Map([...r.picked, ...r.nodes].map((n) => [n.soc, n.title]));
	return (soc) => (soc === undefined ? '' : (known.get(soc) ?? soc));
}
