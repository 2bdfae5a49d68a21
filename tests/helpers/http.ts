/**
 * One request to the built server with node:http, on a connection of its own: fetch will not send
 * an Origin header of our choosing (SvelteKit's cross-site check wants it on form and upload
 * POSTs), and a connection per request lets several server processes each get some.
 */
import { request, type IncomingMessage } from 'node:http';

export interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: () => unknown;
}

export function send(
	base: string,
	method: string,
	path: string,
	body: string | Buffer = '',
	headers: Record<string, string> = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(
			new URL(path, base),
			{
				method,
				agent: false,
				headers: { origin: base, 'content-length': String(Buffer.byteLength(body)), ...headers }
			},
			(res) => {
				readText(res).then(
					(text) =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							text,
							json: () => JSON.parse(text)
						}),
					reject
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** The whole body of an answer, as UTF-8 text. */
export function readText(res: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		res.on('data', (c: Buffer) => chunks.push(c));
		res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		res.on('error', reject);
	});
}
