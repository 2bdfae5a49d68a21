/** The measures the metro map can shade by, with their labels and formats (browser and server). */
import { formatCount, formatRate, formatRatio, formatWage } from '$lib/charts/format';
import { m } from '$lib/paraglide/messages';

export const MAP_MEASURES = [
	'digitalPer1000',
	'computerLq',
	'softwareWage',
	'computerJobs'
] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export const MEASURE_LABEL: Record<MapMeasure, () => string> = {
	digitalPer1000: m.measure_digitalPer1000,
	computerLq: m.measure_computerLq,
	softwareWage: m.measure_softwareWage,
	computerJobs: m.measure_computerJobs
};

export const MEASURE_FORMAT: Record<MapMeasure, (v: number | null) => string> = {
	digitalPer1000: formatRate,
	computerLq: (v) => formatRatio(v),
	softwareWage: (v) => formatWage(v),
	computerJobs: (v) => formatCount(v)
};
