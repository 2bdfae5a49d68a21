/**
 * axe on every page the journeys visit: no serious or critical violation, and no two landmarks
 * sharing a role and name.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { axeFindings, closeBrowser, openPage, skipBrowser, visit } from '../helpers/browser';

const PAGES = [
	'/',
	'/regions/31080',
	'/regions/31080/occupations/15-1232',
	'/compare?areas=31080,99',
	'/pathways?area=31080',
	'/data',
	'/login',
	'/es/data'
];

describe.skipIf(skipBrowser)('accessibility (axe)', () => {
	afterAll(closeBrowser);

	it.each(PAGES)('%s', async (path) => {
		const page = await openPage(inject('e2eBaseUrl'), 1280);
		await visit(page, path);
		// Every violation is printed; minor and moderate ones are left to the lead's judgement.
		const findings = await axeFindings(page, path);
		const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
		expect(blocking).toEqual([]);
		// Two landmarks of one role and name leave a screen reader's landmark list ambiguous.
		expect(findings.filter((f) => f.id === 'landmark-unique')).toEqual([]);
		await page.context().close();
	});
});
