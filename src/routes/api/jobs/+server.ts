import { json } from '@sveltejs/kit';
import { listJobs } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

/** Imports started from the data page since the server started (newest first). */
export const GET: RequestHandler = () => json(listJobs());
