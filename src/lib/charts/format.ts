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
	signedWhole: Intl.NumberFormat;
	signedOne: Intl.NumberFormat;
	signedPct: Intl.NumberFormat;
	compact: Intl.NumberFormat;
	dateTime: Intl.DateTimeFormat;
}

// Building an Intl.NumberFormat is slow next to using one, and tables format thousands of cells.
const cache = new Map<string, Formatters>();

/** The Intl locale of the current page's language (en → en-US, es → es-US). */
export function intlLocale(): string {
	return INTL_LOCALE[getLocale()] ?? 'en-US';
}

function formatters(): Formatters {
	const tag = intlLocale();
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
			one: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
			signedWhole: new Intl.NumberFormat(tag, {
				maximumFractionDigits: 0,
				signDisplay: 'exceptZero'
			}),
			signedOne: new Intl.NumberFormat(tag, {
				maximumFractionDigits: 1,
				signDisplay: 'exceptZero'
			}),
			signedPct: new Intl.NumberFormat(tag, {
				style: 'percent',
				maximumFractionDigits: 0,
				signDisplay: 'always'
			}),
			compact: new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 }),
			dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })
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

/** A plain number in the page's locale, up to `digits` decimals (file sizes, row counts in text). */
export function formatNumber(value: number, digits = 0): string {
	const { int, one } = formatters();
	if (digits === 0) return int.format(value);
	if (digits === 1) return one.format(value);
	return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: digits }).format(value);
}

/**
 * A gap with its sign, so under- and over-supply read apart without colour; one decimal below 10
 * like formatFlow, since small occupations have fractional openings. A true minus sign, as on
 * Plot's axes.
 */
export function formatSigned(value: number): string {
	const { signedOne, signedWhole } = formatters();
	return (Math.abs(value) < 10 ? signedOne : signedWhole).format(value).replace('-', '−');
}

/** A change as a signed whole percent ("+12%"), e.g. the wage change along a pathway. */
export function formatSignedShare(value: number): string {
	return formatters().signedPct.format(value).replace('-', '−');
}

/**
 * Axis ticks for counts and dollars: short forms in the page's locale ("50K" in English, "50 K"
 * in es-US) in place of d3's SI "50k", which reads as English on a Spanish page.
 */
export function tickCompact(value: number): string {
	return formatters().compact.format(value).replace('-', '−');
}

/** Axis ticks for shares (0–1): whole percents in the page's locale. */
export function tickPercent(value: number): string {
	return formatters().pct.format(value);
}

/** A moment (an import's finish, an upload's start) as date and time in the page's locale. */
export function formatDateTime(value: Date | string | number): string {
	return formatters().dateTime.format(new Date(value));
}
