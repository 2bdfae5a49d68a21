/**
 * O*NET Skills (`Skills.txt` or `Skills.xlsx`, checked against O*NET 29.3): importance (IM,
 * 1–5) and level (LV, 0–7) of the 35 skills per O*NET occupation, the input of the pathway
 * map's skill similarity and "skills to build" (analysis/skills.ts).
 *
 * Knowledge, Abilities and Work Activities share this header, so the file is recognised by its
 * name (`skills`, not `technology skills`) and every row's element must be a skill (2.A basic
 * or 2.B cross-functional); anything else is named as the wrong file. Rows of other scales are
 * skipped and counted. `Not Relevant = Y` is kept with the level row. The release is the one in
 * the file name, else 29.3 with a note (as the other O*NET files).
 */
import { cellAt } from '../kit';
import { quote } from '../normalize';
import { ONET_CODE, ONET_RELEASE } from './onet';
import { ImportError, type AdapterSession, type OpenContext, type SourceAdapter } from './types';

const COLUMNS = {
	code: ['o*net_soc_code', 'onet_soc_code'],
	elementId: ['element_id'],
	elementName: ['element_name'],
	scaleId: ['scale_id'],
	value: ['data_value'],
	notRelevant: ['not_relevant']
} as const;
type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['code', 'elementId', 'elementName', 'scaleId', 'value'];
const LABELS: Record<Field, string> = {
	code: 'O*NET-SOC Code',
	elementId: 'Element ID',
	elementName: 'Element Name',
	scaleId: 'Scale ID',
	value: 'Data Value',
	notRelevant: 'Not Relevant'
};
const RANGES: Record<string, [number, number]> = { IM: [1, 5], LV: [0, 7] };
const SKILL_ELEMENT = /^2\.[AB](\.\d+)*(\.[a-z])?$/;

const locate = (keys: string[]) =>
	Object.fromEntries(
		(Object.keys(COLUMNS) as Field[]).map((f) => [
			f,
			keys.findIndex((k) => (COLUMNS[f] as readonly string[]).includes(k))
		])
	) as Record<Field, number>;

const isSkillsFile = (fileName: string) =>
	/skills/i.test(fileName) && !/technology/i.test(fileName);

function open(ctx: OpenContext): AdapterSession {
	const at = locate(ctx.keys);
	const missing = REQUIRED.filter((f) => at[f] < 0);
	if (missing.length > 0) {
		throw new ImportError(
			`the O*NET Skills header lacks ${missing.map((f) => LABELS[f]).join(', ')}`
		);
	}
	const m = /(?:^|[^0-9])(\d{2})[._](\d)(?![0-9])/.exec(ctx.fileName);
	const release = m ? `${m[1]}.${m[2]}` : ONET_RELEASE;
	if (!m) ctx.notes.push(`the file does not state its O*NET release; recorded as ${ONET_RELEASE}`);
	const text = (cells: string[], f: Field) => cellAt(cells, at[f]);
	const label = (f: Field) => ctx.header[at[f]] || LABELS[f];
	const insert = ctx.sqlite.prepare(
		`INSERT INTO onet_skills
		 (run_id, onet_code, soc, element_id, element_name, scale_id, value, not_relevant)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const seen = new Map<string, number>();
	const occupations = new Set<string>();
	let otherScales = 0;
	return {
		year: ctx.year,
		row(cells, line, issue, write) {
			const scale = text(cells, 'scaleId');
			if (!(scale in RANGES)) {
				otherScales++;
				return 'skipped';
			}
			const code = text(cells, 'code');
			const elementId = text(cells, 'elementId');
			const name = text(cells, 'elementName');
			const raw = text(cells, 'value');
			const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
			const [lo, hi] = RANGES[scale]!;
			const flag = text(cells, 'notRelevant').toUpperCase();
			let ok = true;
			const fail = (f: Field, message: string) => {
				issue(at[f], `${label(f)}: ${message}`);
				ok = false;
			};
			if (!ONET_CODE.test(code))
				fail('code', `expected a code like 15-1252.00, found ${quote(code)}`);
			if (!SKILL_ELEMENT.test(elementId)) {
				fail(
					'elementId',
					`${quote(elementId)} is not an O*NET skill (2.A or 2.B); is this Knowledge, Abilities or Work Activities?`
				);
			}
			if (name === '') fail('elementName', 'is empty');
			if (!(value >= lo && value <= hi))
				fail('value', `expected ${lo} to ${hi} on scale ${scale}, found ${quote(raw)}`);
			if (flag !== '' && flag !== 'Y' && flag !== 'N' && flag !== 'N/A') {
				fail('notRelevant', `expected Y, N or blank, found ${quote(flag)}`);
			}
			if (!ok) return 'skipped';
			const key = `${code}|${elementId}|${scale}`;
			const earlier = seen.get(key);
			if (earlier !== undefined) {
				issue(at.elementId, `${code} ${elementId} ${scale} is already on line ${earlier}`);
				return 'skipped';
			}
			seen.set(key, line);
			occupations.add(code);
			if (write) {
				insert.run(
					ctx.runId,
					code,
					code.slice(0, 7),
					elementId,
					name,
					scale,
					value,
					flag === 'Y' ? 1 : 0
				);
			}
			return 'imported';
		},
		finish() {
			if (otherScales > 0) ctx.notes.push(`${otherScales} rows of other scales skipped`);
			return { meta: { release, occupations: occupations.size, ratings: seen.size } };
		}
	};
}

export const adapters: SourceAdapter[] = [
	{
		id: 'onet-skills',
		title: 'O*NET Skills',
		publisher: 'National Center for O*NET Development for USDOL/ETA (O*NET database, CC BY 4.0)',
		required: REQUIRED.map((f) => LABELS[f]),
		optional: [LABELS.notRelevant],
		detect(keys, where) {
			const at = locate(keys);
			return REQUIRED.every((f) => at[f] >= 0) && isSkillsFile(where.fileName);
		},
		open
	}
];
