/**
 * Which years a table or card combines, and one common year for a comparison of areas.
 *
 * - `tableVintages(parts)`: the distinct (source, vintage) pairs behind a table, in a stable
 *   order, with `mixed = true` when they span more than one year — so every table can say, for
 *   example, "OEWS May 2021 · EP 2022–32 · CPS 2023 · IPEDS 2022–2024".
 * - `commonYear(areas)`: the latest year every area has data for. None shared → `none-shared`,
 *   with each area's own latest year so the page can show them prominently. No areas → `no-areas`.
 */

export interface VintagePart {
	/** e.g. "BLS OEWS". */
	source: string;
	/** The year the figures describe (the start year for a range), or null when not known. */
	year: number | null;
	/** How the vintage is written, e.g. "May 2021", "2022–32"; defaults to the year. */
	label?: string;
}

export interface TableVintages {
	parts: { source: string; year: number | null; label: string }[];
	years: number[];
	/** True when the table combines more than one year. */
	mixed: boolean;
}

export function tableVintages(parts: readonly VintagePart[]): TableVintages {
	const seen = new Map<string, { source: string; year: number | null; label: string }>();
	for (const p of parts) {
		const label = p.label ?? (p.year === null ? 'year unknown' : String(p.year));
		const key = `${p.source}|${label}`;
		if (!seen.has(key)) seen.set(key, { source: p.source, year: p.year, label });
	}
	const list = [...seen.values()].sort(
		(a, b) => a.source.localeCompare(b.source) || (a.year ?? -Infinity) - (b.year ?? -Infinity)
	);
	const years = [...new Set(list.map((p) => p.year).filter((y): y is number => y !== null))].sort(
		(a, b) => a - b
	);
	return { parts: list, years, mixed: years.length > 1 };
}

export interface CommonYear {
	year: number | null;
	status: 'common' | 'none-shared' | 'no-areas';
	latestByArea: Record<string, number | null>;
}

export function commonYear(
	areas: readonly { area: string; years: readonly number[] }[]
): CommonYear {
	const latestByArea: Record<string, number | null> = {};
	for (const a of areas) latestByArea[a.area] = a.years.length ? Math.max(...a.years) : null;
	if (areas.length === 0) return { year: null, status: 'no-areas', latestByArea };
	let shared = new Set(areas[0]!.years);
	for (const a of areas.slice(1)) shared = new Set(a.years.filter((y) => shared.has(y)));
	if (shared.size === 0) return { year: null, status: 'none-shared', latestByArea };
	return { year: Math.max(...shared), status: 'common', latestByArea };
}
