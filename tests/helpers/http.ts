/**
 * One request to the built server with node:http, on a connection of its own: fetch will not send
 * an Origin header of our choosing (SvelteKit's cross-site check wants it on form and upload
 * POSTs), and a connection per request lets several server processes each get some.
 */
import { request } from 'node:http';

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
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						text,
						json: () => JSON.parse(text)
					});
				});
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}
