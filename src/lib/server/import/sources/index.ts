/**
 * The registry of source adapters, tried in order against a file's header row: the first whose
 * `detect` accepts the header reads the file. Specific formats come before the generic ones.
 */
import { adapters as acsBaseline } from './acs-baseline';
import { blsOews } from './bls-oews';
import { adapters as blsEp } from './bls-ep';
import { adapters as censusOccCodes } from './census-occ-codes';
import { adapters as cipSoc } from './cip-soc';
import { adapters as credentialsReference } from './credentials-reference';
import { adapters as cpsTable11 } from './cps-table11';
import { adapters as digitalCategories } from './digital-categories';
import { adapters as generic } from './generic';
import { adapters as indeedPostings } from './indeed-postings';
import { adapters as ipeds } from './ipeds';
import { adapters as licensedOccupations } from './licensed-occupations';
import { oesHybridStructure } from './oes-hybrid-structure';
import { adapters as onet } from './onet';
import { adapters as povertyGuidelines } from './poverty-guidelines';
import { adapters as onetSkills } from './onet-skills';
import { adapters as soc2018 } from './soc-2018';
import type { DetectContext, SourceAdapter } from './types';

export const ADAPTERS: readonly SourceAdapter[] = [
	blsOews,
	oesHybridStructure,
	...onet,
	...onetSkills,
	...blsEp,
	...soc2018,
	...cipSoc,
	...cpsTable11,
	...acsBaseline,
	...indeedPostings,
	...ipeds,
	...digitalCategories,
	...censusOccCodes,
	...licensedOccupations,
	...povertyGuidelines,
	...credentialsReference,
	// Generic tidy CSVs last: their headers are the loosest.
	...generic
];

export function detectAdapter(keys: string[], where: DetectContext): SourceAdapter | null {
	return ADAPTERS.find((a) => a.detect(keys, where)) ?? null;
}

export type { SourceAdapter } from './types';
