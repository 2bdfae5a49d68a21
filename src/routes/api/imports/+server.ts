import { json } from '@sveltejs/kit';
import { statSync } from 'node:fs';
import { apiError, checkQuery, wantsCsv } from '$lib/server/api';
import { editorName, requireEditor } from '$lib/server/auth';
import { receiveFiles, UploadError } from '$lib/server/uploads';
import { csvResponse, toCsv } from '$lib/server/csv-out';
import { getDb } from '$lib/server/db';
import { importNow } from '$lib/server/jobs';
import { listImportRuns } from '$lib/server/db/queries/imports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const badQuery = checkQuery(url, '/api/imports', 'get');
	if (badQuery) return badQuery;
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

/**
 * Uploads one or more files (multipart, field `file`) and imports each: the CLI's report.
 * `?replace=true` replaces OEWS figures already imported for the same area-year and group.
 */
export const POST: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/imports', 'post');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	const { request } = event;
	let files;
	try {
		files = await receiveFiles(request);
	} catch (e) {
		if (e instanceof UploadError) return apiError(e.status, e.message);
		throw e;
	}
	const sized = files.map((f) => ({ ...f, size: statSync(f.path).size }));
	// The CLI's --json report: the run id is the jobs' own addition.
	const reports = (
		await importNow(sized, editorName(event), {
			replace: event.url.searchParams.get('replace') === 'true'
		})
	).map((r) => {
		const { runId, ...report } = r;
		void runId;
		return report;
	});
	return json(
		{ files: reports },
		{ status: reports.some((r) => r.status === 'rejected') ? 422 : 200 }
	);
};
