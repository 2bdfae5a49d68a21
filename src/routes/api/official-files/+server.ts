import { json } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import {
	FetchError,
	checkOfficial,
	downloadOfficial,
	findSource,
	officialFiles
} from '$lib/server/fetch/official';
import { stagingDir } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/** The official files the app can fetch, with their addresses (the mirror's, when one is set). */
export const GET: RequestHandler = ({ url }) =>
	checkQuery(url, '/api/official-files') ?? json(officialFiles(new Date().getFullYear() - 2));

/**
 * Fetches an official file (`{"source": "oews-metro", "year": 2024}`): downloads, checks and
 * unpacks it into the staging folder, and answers with the staged upload, which the data page
 * previews and imports like an uploaded file. Editors only.
 */
export const POST: RequestHandler = async (event) => {
	const badQuery = checkQuery(event.url, '/api/official-files', 'post');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	let body: { source?: unknown; year?: unknown };
	try {
		body = (await event.request.json()) as typeof body;
	} catch {
		return apiError(400, 'Send JSON: {"source": "oews-metro", "year": 2024}');
	}
	const source = typeof body.source === 'string' ? findSource(body.source) : null;
	if (!source) return apiError(400, 'Choose one of the official files listed.');
	const year = body.year;
	if (typeof year !== 'number' || !Number.isInteger(year)) {
		return apiError(400, 'Enter the year in the Year box (four digits, e.g. 2024).');
	}
	const staging = stagingDir();
	mkdirSync(staging, { recursive: true });
	const work = mkdtempSync(join(staging, '.fetch-'));
	try {
		const file = await downloadOfficial(source, year, {
			dir: work,
			base: process.env.FETCH_BASE_URL ?? null
		});
		await checkOfficial(getDb(), source, file, year);
		const id = randomUUID();
		const path = join(staging, `.incoming-${id}-${file.name}`);
		renameSync(file.path, path);
		return json({ id, file: file.name, size: statSync(path).size, url: file.url }, { status: 201 });
	} catch (e) {
		if (e instanceof FetchError) return apiError(422, e.message);
		throw e;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
};
