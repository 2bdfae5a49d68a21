/**
 * Where a downloaded measure comes from: the files and years of the import runs behind one column
 * of the registry, so a figure pasted into a spreadsheet still names its source and vintage.
 */
import type { Column } from '../../../domain/columns';
import { runsOf } from '../../../domain/source-runs';
import type { AreaModel } from '../area-model';

const snake = (key: string) => key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/** The two CSV headers that follow a measure: `…_source` and `…_year`. */
export function provenanceHeaders(column: Column): [string, string] {
	return [`${snake(column.key)}_source`, `${snake(column.key)}_year`];
}

/** The files and the years of the runs behind a measure, e.g. `national_M2021_dl.xlsx`, `2021`. */
export function provenance(model: AreaModel, column: Column): [string, string] {
	const runs = runsOf(model.sources, column.sources);
	const years = [...new Set(runs.map((r) => r.year).filter((y) => y !== null))].sort();
	return [runs.map((r) => r.fileName).join('; '), years.join('; ')];
}
