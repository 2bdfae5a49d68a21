// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface PageState {
			/** The pathway map's selected occupation, set by a click without reloading the map. */
			pathwayNode?: string;
		}
	}
}

export {};
