/** The registry of source adapters, tried in order against a file's header row. */
import { blsOews } from './bls-oews';
import { oesHybridStructure } from './oes-hybrid-structure';
import type { SourceAdapter } from './types';

export const ADAPTERS: readonly SourceAdapter[] = [blsOews, oesHybridStructure];

export function detectAdapter(keys: string[]): SourceAdapter | null {
	return ADAPTERS.find((a) => a.detect(keys)) ?? null;
}

export type { SourceAdapter } from './types';
