/**
 * Who may show the app's pages inside a frame. Only the /embed/ pages are meant for other sites;
 * every other page refuses framing, so a hostile site cannot dress up the data page or the
 * editor's sign-in as its own (clickjacking).
 */

/** The embeddable pages, in either language. */
export const EMBED_PATH = /^(\/es)?\/embed(\/|$)/;

/** An origin as a browser compares it: scheme, host and an optional port, nothing after. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The sites allowed to frame /embed/ pages, from `EMBED_ORIGINS` (space-separated origins such
 * as `https://board.example.org https://*.example.com`). Unset or empty means any site (`*`):
 * the embeds show public statistics, and a board that wants them on its own site only says so.
 * A wrong entry is an error naming it rather than a policy that silently blocks or allows.
 */
export function embedOrigins(env: Record<string, string | undefined> = process.env): string[] {
	const raw = env.EMBED_ORIGINS?.trim() ?? '';
	if (raw === '') return ['*'];
	const entries = raw.split(/\s+/);
	for (const entry of entries) {
		if (entry === '*' || entry === "'self'" || entry === "'none'") continue;
		if (!ORIGIN.test(entry)) {
			throw new Error(
				`EMBED_ORIGINS: "${entry}" is not an origin. Give space-separated origins such as https://board.example.org (scheme and host, no path), or * for any site.`
			);
		}
	}
	return entries;
}

/**
 * The framing headers for a response to `pathname`: `frame-ancestors` for the embeds, a refusal
 * (in both the CSP and the older X-Frame-Options form) for everything else.
 */
export function framingHeaders(pathname: string, origins: string[]): Record<string, string> {
	if (EMBED_PATH.test(pathname)) return { 'frame-ancestors': origins.join(' ') };
	return { 'frame-ancestors': "'none'", 'x-frame-options': 'DENY' };
}

/** `policy` (SvelteKit's Content-Security-Policy, if any) with the frame-ancestors directive added. */
export function withFrameAncestors(policy: string | null, ancestors: string): string {
	const own = `frame-ancestors ${ancestors}`;
	if (!policy) return own;
	const kept = policy
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d));
	return [...kept, own].join('; ');
}
