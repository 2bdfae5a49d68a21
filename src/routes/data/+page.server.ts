import { getDb } from '$lib/server/db';
import { listImportRuns } from '$lib/server/db/queries/imports';
import { officialFiles } from '$lib/server/fetch/official';
import { listJobs } from '$lib/server/jobs';
import { MAX_UPLOAD_BYTES, storedShas } from '$lib/server/uploads';
import type { PageServerLoad } from './$types';

/** The data page: import history (public), and for an editor the imports running or done. */
export const load: PageServerLoad = ({ depends, locals }) => {
	depends('app:imports');
	// Only files uploaded through the app are kept to download again (one folder listing).
	const kept = storedShas();
	const runs = listImportRuns(getDb()).map((r) => ({ ...r, hasOriginal: kept.has(r.sha256) }));
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
