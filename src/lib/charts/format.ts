/**
 * Number formatting for people: every missing value says why, and a top-coded wage is shown as
 * the lower bound it is. Numbers follow the page's language (en → en-US, es → es-US), read per
 * call because on the server one module serves requests in both languages.
 */
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

export type StatusLike = string;

export const INTL_LOCALE: Record<string, string> = { en: 'en-US', es: 'es-US' };

interface Formatters {
	usd: Intl.NumberFormat;
	usdCents: Intl.NumberFormat;
	int: Intl.NumberFormat;
	two: Intl.NumberFormat;
	pct: Intl.NumberFormat;
	one: Intl.NumberFormat;
}

// Building an Intl.NumberFormat is slow next to using one, and tables format thousands of cells.
const cache = new Map<string, Formatters>();

function formatters(): Formatters {
	const tag = INTL_LOCALE[getLocale()] ?? 'en-US';
	let f = cache.get(tag);
	if (!f) {
		f = {
			usd: new Intl.NumberFormat(tag, {
				style: 'currency',
				currency: 'USD',
				maximumFractionDigits: 0
			}),
			usdCents: new Intl.NumberFormat(tag, {
				style: 'currency',
				currency: 'USD',
				minimumFractionDigits: 2,
				maximumFractionDigits: 2
			}),
			int: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
			two: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
			pct: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
			one: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })
		};
		cache.set(tag, f);
	}
	return f;
}

/** What to show instead of a missing value, by status (getters: they follow the language). */
export const STATUS_TEXT: Record<string, string> = {
	get not_available() {
		return m.status_not_published();
	},
	get employment_not_available() {
		return m.status_not_published();
	},
	get under_half_percent() {
		return m.status_under_half_percent();
	},
	blank: '—',
	get not_in_data() {
		return m.status_not_in_data();
	},
	get no_national_data() {
		return m.status_no_national_data();
	},
	reference_area: '—'
};

export function formatCount(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? m.status_not_published();
	return formatters().int.format(value);
}

/** A whole-dollar annual wage; a top-coded one reads "≥ $239,200" using the year's cap. */
export function formatWage(
	value: number | null,
	status: StatusLike = 'published',
	cap?: number | null
): string {
	const { usd } = formatters();
	if (value !== null) return usd.format(value);
	if (status === 'top_coded') return cap ? `≥ ${usd.format(cap)}` : m.status_top_coded_above_cap();
	return STATUS_TEXT[status] ?? m.status_not_published();
}

export function formatHourly(
	value: number | null,
	status: StatusLike = 'published',
	cap?: number | null
): string {
	const { usdCents } = formatters();
	if (value !== null) return `${usdCents.format(value)}/h`;
	if (status === 'top_coded') return cap ? `≥ ${usdCents.format(cap)}/h` : m.status_top_coded();
	return STATUS_TEXT[status] ?? m.status_not_published();
}

export function formatRatio(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? m.status_not_published();
	return formatters().two.format(value);
}

/** A share (0–1) as a whole percent; null says why it is missing. */
export function formatShare(value: number | null, status: StatusLike = 'published'): string {
	if (value === null) return STATUS_TEXT[status] ?? m.status_no_data();
	return formatters().pct.format(value);
}

/** A count that may be fractional (openings, supply): one decimal below 10, whole above. */
export function formatFlow(value: number | null): string {
	if (value === null) return m.status_no_data();
	const { one, int } = formatters();
	return Math.abs(value) < 10 ? one.format(value) : int.format(value);
}

/** A rate such as jobs per 1,000, to one decimal. */
export function formatRate(value: number | null): string {
	if (value === null) return m.status_no_data();
	return formatters().one.format(value);
}
