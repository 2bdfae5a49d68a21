/**
 * Number formatting for people: every missing value says why, and a top-coded wage is shown as
 * the lower bound it is.
 */
export type StatusLike = string;

const usd = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	maximumFractionDigits: 0
});
const usdCents = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	minimumFractionDigits: 2,
	maximumFractionDigits: 2
});
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What to show instead of a missing value, by status. */
export const STATUS_TEXT: Record<string, string> = {
	not_available: 'not published',
	employment_not_available: 'not published',
	under_half_percent: 'fewer than 0.5% of establishments',
	blank: '—',
	no_national_data: 'no national data',
	reference_area: '—'
};

export function formatCount(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? 'not published';
	return int.format(value);
}

/** A whole-dollar annual wage; a top-coded one reads "≥ $239,200" using the year's cap. */
export function formatWage(
	value: number | null,
	status: StatusLike = 'published',
	cap?: number | null
): string {
	if (value !== null) return usd.format(value);
	if (status === 'top_coded') return cap ? `≥ ${usd.format(cap)}` : 'top-coded (above the cap)';
	return STATUS_TEXT[status] ?? 'not published';
}

export function formatHourly(
	value: number | null,
	status: StatusLike = 'published',
	cap?: number | null
): string {
	if (value !== null) return `${usdCents.format(value)}/h`;
	if (status === 'top_coded') return cap ? `≥ ${usdCents.format(cap)}/h` : 'top-coded';
	return STATUS_TEXT[status] ?? 'not published';
}

export function formatRatio(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? 'not published';
	return two.format(value);
}

const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A share (0–1) as a whole percent; null says why it is missing. */
export function formatShare(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? 'no data';
	return pct.format(value);
}

/** A count that may be fractional (openings, supply): one decimal below 10, whole above. */
export function formatFlow(value: number | null): string {
	if (value === null) return 'no data';
	return Math.abs(value) < 10 ? one.format(value) : int.format(value);
}
