/**
 * Loaded with `--import` into a CLI run by a test: with RLM_PEAK_RSS set, writes the process's
 * peak resident memory (bytes) to stderr as it exits, as `peak-rss N`.
 */
if (process.env.RLM_PEAK_RSS) {
	process.on('exit', () => {
		process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
	});
}
