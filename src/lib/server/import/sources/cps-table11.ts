/** Source adapters for this format: see the module's owner issue. Filled in as they are built. */
import type { SourceAdapter } from './types';

export const adapters: SourceAdapter[] = [];
