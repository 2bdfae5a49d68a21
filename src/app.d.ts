// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in editor's name (session cookie), or null for a reader. */
			editor: string | null;
		}
		interface PageState {
			/** The pathway map's selected occupation, set by a click without reloading the map. */
			pathwayNode?: string;
		}
	}
}

export {};
