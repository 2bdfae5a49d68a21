/**
 * Writes a synthetic OEWS-shaped CSV (clearly not real data): 600 areas × 700 occupations =
 * 420,000 rows, the size of BLS's all-data file, with the real 32 columns, quoted titles with
 * commas, quoted numbers with thousands separators, and about 5% marker cells (*, **, #).
 * Deterministic (seeded), so every run measures the same bytes.
 */
import { createWriteStream } from 'node:fs';

function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const HEADER =
	'AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY';

export async function generateOewsCsv(path: string, rows = 420_000): Promise<number> {
	const rand = mulberry32(20261123);
	const areas: [string, string, string, string][] = [['99', 'U.S.', '1', 'US']];
	for (let s = 1; s <= 54; s++)
		areas.push([String(s).padStart(2, '0'), `Synthetic State ${s}`, '2', `S${s % 50}`]);
	for (let m = 0; m < 400; m++)
		areas.push([String(10000 + m * 97), `"Synthetic City ${m}-Othertown, ST"`, '4', 'ST']);
	for (let n = 0; n < 145; n++)
		areas.push([String(100001 + n * 100), `"Synthetic nonmetropolitan area ${n}, ST"`, '6', 'ST']);
	const occs: [string, string, string][] = [['00-0000', 'All Occupations', 'total']];
	const majors = [
		'11',
		'13',
		'15',
		'17',
		'19',
		'21',
		'23',
		'25',
		'27',
		'29',
		'31',
		'33',
		'35',
		'37',
		'39',
		'41',
		'43',
		'45',
		'47',
		'49',
		'51',
		'53'
	];
	for (const m of majors)
		occs.push([`${m}-0000`, `"Synthetic Major Group ${m}, and Related"`, 'major']);
	for (let i = 0; occs.length < rows / areas.length; i++) {
		const major = majors[i % majors.length]!;
		const code = `${major}-${String(1011 + Math.floor(i / majors.length) * 3).padStart(4, '0')}`;
		occs.push([code, `"Synthetic Occupation ${i}, All Other"`, 'detailed']);
	}
	const out = createWriteStream(path);
	const write = (s: string) =>
		out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
	const money = (v: number) => {
		const s = Math.round(v).toLocaleString('en-US');
		return s.includes(',') ? `"${s}"` : s;
	};
	const marker = (p: number, m: string, value: string) => (rand() < p ? m : value);
	await write(HEADER + '\n');
	let written = 0;
	let buffer = '';
	for (const [area, title, type, st] of areas) {
		for (const [code, otitle, group] of occs) {
			const emp = Math.round(rand() * 50000) * 10;
			const hourly = 12 + rand() * 80;
			const cells = [
				area,
				title,
				type,
				st,
				'000000',
				'Cross-industry',
				'cross-industry',
				'1235',
				code,
				otitle,
				group,
				marker(0.02, '**', money(emp)),
				marker(0.02, '**', (rand() * 20).toFixed(1)),
				type === '1' ? '' : marker(0.02, '**', (rand() * 30).toFixed(3)),
				type === '1' ? '' : marker(0.02, '**', (rand() * 3).toFixed(2)),
				'',
				'',
				marker(0.03, '*', hourly.toFixed(2)),
				money(hourly * 2080),
				(rand() * 5).toFixed(1),
				...[0.5, 0.7, 1, 1.3, 1.8].map((f) => marker(0.04, '*', (hourly * f).toFixed(2))),
				...[0.5, 0.7, 1, 1.3, 1.8].map((f, i) =>
					i >= 3 && rand() < 0.08 ? '#' : money(hourly * f * 2080)
				),
				'',
				''
			];
			buffer += cells.join(',') + '\n';
			written++;
			if (buffer.length > 1 << 20) {
				await write(buffer);
				buffer = '';
			}
		}
	}
	await write(buffer);
	await new Promise<void>((r) => out.end(() => r()));
	return written;
}
