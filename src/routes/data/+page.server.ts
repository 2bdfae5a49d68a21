import { getDb } from '$lib/server/db';
import { listImportRuns } from '$lib/server/db/queries/imports';
import { listJobs } from '$lib/server/jobs';
import { storedOriginal, MAX_UPLOAD_BYTES } from '$lib/server/uploads';
import type { PageServerLoad } from './$types';

/** The data page: import history (public), running imports, and whether this visitor may write. */
export const load: PageServerLoad = ({ depends }) => {
	depends('app:imports');
	const runs = listImportRuns(getDb()).map((r) => ({
		...r,
		// Only files uploaded through the app are kept to download again.
		hasOriginal: storedOriginal(r.sha256) !== null
	}));
	return { runs, jobs: listJobs(), maxUploadBytes: MAX_UPLOAD_BYTES };
};
