import { getDb } from '$lib/server/db';
import { listImportRuns, runReach } from '$lib/server/db/queries/imports';
import { officialFiles } from '$lib/server/fetch/official';
import { sourceTitles } from '$lib/server/import/preview';
import { listJobs } from '$lib/server/jobs';
import { MAX_UPLOAD_BYTES, storedShas } from '$lib/server/uploads';
import type { PageServerLoad } from './$types';

/** The data page: import history (public), and for an editor the imports running or done. */
export const load: PageServerLoad = ({ depends, locals }) => {
	depends('app:imports');
	const db = getDb();
	// Only files uploaded through the app are kept to download again (one folder listing).
	const kept = storedShas();
	const reach = runReach(db);
	const titles = sourceTitles();
	const runs = listImportRuns(db).map((r) => ({
		...r,
		// The source as people call it; the id stays in the API (`GET /api/imports`).
		sourceTitle: titles.get(r.source) ?? r.source,
		reach: reach.get(r.id) ?? { areas: [], occupations: [], pathways: false },
		hasOriginal: kept.has(r.sha256)
	}));
	// Jobs name uploads and who sent them: editors only, like GET /api/jobs.
	/** The guide to official files, with addresses for a recent year (published two years on). */
	const official = officialFiles(new Date().getFullYear() - 2);
	return {
		runs,
		jobs: locals.editor ? listJobs() : [],
		maxUploadBytes: MAX_UPLOAD_BYTES,
		official
	};
};
