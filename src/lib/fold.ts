/**
 * Text for matching typed names: accents and case ignored, so "tecnico" finds "Técnico" and
 * "web" finds "Web Developers". The pickers' filter and the server's reading of a typed name (the
 * form without JavaScript) share it, so both find the same items.
 */
export const fold = (t: string) =>
	t
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.trim();

/**
 * Whether an item matches typed text `q` (already folded): its code begins with it or its title
 * holds it. The pickers' filter and the server's reading of a typed name both ask this.
 */
export const matchesTyped = (q: string, code: string, title: string) =>
	code.startsWith(q) || fold(title).includes(q);
