import { editorToken } from '$lib/server/auth';
import type { LayoutServerLoad } from './$types';

/** Every page knows whether writing is on and who, if anyone, is signed in as an editor. */
export const load: LayoutServerLoad = ({ locals }) => ({
	editor: locals.editor,
	writing: editorToken() !== null
});
