/** npm run sources: the source formats the importer recognises, with the headers each expects. */
import { ADAPTERS } from '../src/lib/server/import/sources/index';

for (const a of ADAPTERS) {
	console.log(`${a.id}\n  ${a.title} (${a.publisher})`);
	console.log(`  required columns: ${a.required.join(', ')}`);
	if (a.optional.length > 0) console.log(`  also read:        ${a.optional.join(', ')}`);
	console.log('');
}
console.log(
	'Header names match whatever their case and spacing. CSV, TSV and XLSX are all accepted.'
);
