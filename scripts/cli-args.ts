/** A small argument reader for the project's scripts: `--flag`, `--opt value`, `--opt=value`. */
export class UsageError extends Error {}

export interface ParsedArgs {
	flags: Set<string>;
	options: Map<string, string[]>;
	positional: string[];
}

export function parseArgs(
	argv: string[],
	spec: { flags?: string[]; options?: string[] }
): ParsedArgs {
	const flags = new Set<string>();
	const options = new Map<string, string[]>();
	const positional: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			positional.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
		if (spec.flags?.includes(name)) {
			if (eq !== -1) throw new UsageError(`--${name} takes no value`);
			flags.add(name);
		} else if (spec.options?.includes(name)) {
			const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
			if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
			options.set(name, [...(options.get(name) ?? []), value]);
		} else {
			throw new UsageError(`unknown option --${name}`);
		}
	}
	return { flags, options, positional };
}
