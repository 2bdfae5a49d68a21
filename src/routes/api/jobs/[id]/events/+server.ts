import { apiError, checkQuery } from '$lib/server/api';
import { requireEditor } from '$lib/server/auth';
import { getJob, type JobView } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

const TICK_MS = 250;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one import job: `progress` events while it is queued or running (only
 * when something changed, plus a comment as heartbeat), then one `done` event with the report,
 * and the stream ends. A page that reloads opens the stream again and picks up where it is.
 */
export const GET: RequestHandler = (event) => {
	const { params, request } = event;
	const badQuery = checkQuery(event.url, '/api/jobs/{id}/events', 'get');
	if (badQuery) return badQuery;
	const denied = requireEditor(event);
	if (denied) return denied;
	if (!getJob(params.id)) return apiError(404, 'No such import job.');
	const encoder = new TextEncoder();
	let timer: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let last = '';
			let quietFor = 0;
			const end = () => {
				closed = true;
				clearInterval(timer);
				controller.close();
			};
			const send = (event: string, data: JobView) =>
				controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
			const tick = () => {
				if (closed) return;
				const job = getJob(params.id);
				if (!job) return end();
				if (job.state === 'done') {
					send('done', job);
					return end();
				}
				const key = `${job.state}:${job.rows}:${job.bytes}`;
				if (key !== last) {
					last = key;
					quietFor = 0;
					send('progress', job);
				} else if ((quietFor += TICK_MS) >= HEARTBEAT_MS) {
					quietFor = 0;
					controller.enqueue(encoder.encode(': still working\n\n'));
				}
			};
			tick();
			if (!closed) timer = setInterval(tick, TICK_MS);
			request.signal.addEventListener('abort', () => {
				closed = true;
				clearInterval(timer);
			});
		},
		cancel() {
			closed = true;
			clearInterval(timer);
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
};
