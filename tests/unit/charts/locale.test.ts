/**
 * Spanish pages format through the same functions as English ones, in es-US: numbers, chart
 * ticks and dates, and the BLS / SOC wording the database keeps in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
	formatDateTime,
	formatNumber,
	formatSigned,
	formatSignedShare,
	intlLocale,
	tickCompact,
	tickPercent
} from '../../../src/lib/charts/format';
import { epLabel, socGroupLabel } from '../../../src/lib/labels';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

const inLocale = (locale: 'en' | 'es') => overwriteGetLocale(() => locale);

describe('locale-aware formatting', () => {
	afterEach(() => inLocale('en'));

	it('formats ticks and dates in es-US on Spanish pages and en-US on English ones', () => {
		const when = new Date(Date.UTC(2026, 0, 15, 18, 30));
		inLocale('en');
		expect(intlLocale()).toBe('en-US');
		expect(tickCompact(50_000)).toBe('50K');
		expect(formatDateTime(when)).toMatch(/Jan/);
		inLocale('es');
		expect(intlLocale()).toBe('es-US');
		const compact = new Intl.NumberFormat('es-US', { notation: 'compact' }).format(50_000);
		expect(tickCompact(50_000)).toBe(compact);
		expect(tickCompact(50_000)).not.toBe('50K');
		expect(formatDateTime(when)).toMatch(/ene/);
		expect(formatDateTime(when)).not.toMatch(/Jan/);
		expect(tickPercent(0.25)).toBe(
			new Intl.NumberFormat('es-US', { style: 'percent' }).format(0.25)
		);
		expect(formatNumber(1234567)).toBe(new Intl.NumberFormat('es-US').format(1234567));
	});

	it('signs gaps and changes with a true minus sign', () => {
		expect(formatSigned(-12)).toBe('−12');
		expect(formatSigned(3.25)).toBe('+3.3');
		expect(formatSignedShare(0.12)).toBe('+12%');
		expect(formatSignedShare(-0.05)).toBe('−5%');
	});

	it("says EP's education, experience and training values and SOC groups in the page's language", () => {
		inLocale('en');
		expect(epLabel("Bachelor's degree")).toBe("Bachelor's degree");
		expect(socGroupLabel('15-0000', 'Computer and Mathematical Occupations')).toBe(
			'Computer and Mathematical Occupations'
		);
		inLocale('es');
		expect(epLabel('bachelor’s degree')).toBe('Licenciatura');
		expect(epLabel('Less than 5 years')).toBe('Menos de 5 años');
		expect(epLabel('Moderate-term on-the-job training')).toBe(
			'Capacitación en el trabajo a mediano plazo'
		);
		expect(epLabel(null)).toBe('no se conoce');
		// A value EP adds later shows as published rather than disappearing.
		expect(epLabel('Something new')).toBe('Something new');
		expect(socGroupLabel('15', 'Computer and Mathematical Occupations')).toBe(
			'Ocupaciones informáticas y matemáticas'
		);
		expect(socGroupLabel('99', 'Unknown group')).toBe('Unknown group');
	});
});
