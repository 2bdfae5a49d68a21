/** Downloads the original file of an import run, when it was uploaded through the API. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { apiError, checkQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import { importRunFile } from '$lib/server/db/queries/imports';
import { storedOriginal } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const badQuery = checkQuery(url, '/api/imports/{id}/original', 'get');
	if (badQuery) return badQuery;
	if (!/^\d{1,9}$/.test(params.id)) return apiError(400, 'the import id must be a number');
	const run = importRunFile(getDb(), Number(params.id));
	if (!run) return apiError(404, `No import with id ${params.id}.`);
	const stored = storedOriginal(run.sha256);
	if (!stored)
		return apiError(
			404,
			'The original of this import is not kept here (it was imported from the command line).'
		);
	return new Response(Readable.toWeb(createReadStream(stored.path)) as ReadableStream, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-disposition': `attachment; filename="${run.fileName.replace(/[^\w.-]/g, '_')}"`
		}
	});
};
