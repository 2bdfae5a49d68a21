import { json } from '@sveltejs/kit';
import { wantsCsv } from '$lib/server/api';
import { csvResponse, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { listImportRuns } from '$lib/server/db/queries/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const runs = listImportRuns(getDb());
	if (wantsCsv(url)) {
		const keys = [
			'id',
			'source',
			'year',
			'fileName',
			'sha256',
			'rowsRead',
			'rowsImported',
			'status',
			'importedBy',
			'startedAt',
			'finishedAt'
		] as const;
		return csvResponse(
			toCsv(
				keys,
				runs.map((r) => keys.map((k) => r[k]))
			),
			'imports.csv'
		);
	}
	return json(runs);
};
