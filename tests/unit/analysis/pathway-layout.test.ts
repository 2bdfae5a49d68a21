import { describe, expect, it } from 'vitest';
import {
	PATHWAY_LEVELS,
	type PathwayLevel,
	type PathwayEdge
} from '../../../src/lib/analysis/pathways';
import {
	layoutPathways,
	type LayoutEdgeInput,
	type LayoutNodeInput,
	type PathwayLayout
} from '../../../src/lib/analysis/pathway-layout';

const n = (
	soc: string,
	level: PathwayLevel | null,
	employment: number | null = 1000,
	openings: number | null = null
): LayoutNodeInput => ({ soc, level, employment, openings });

const e = (from: string, to: string, source = 'onet'): LayoutEdgeInput => ({
	from,
	to,
	source,
	tier: source === 'onet' ? 'Primary-Short' : null
});

/** A fixed linear congruential generator, so the "random" graph is the same on every run. */
function generated(count: number, edgesPerNode: number, seed = 12_345) {
	let x = seed;
	const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
	const levels: (PathwayLevel | null)[] = [...PATHWAY_LEVELS, null];
	const nodes = Array.from({ length: count }, (_, i) =>
		n(
			`${String(11 + (i % 43)).padStart(2, '0')}-${String(1000 + i).padStart(4, '0')}`,
			levels[Math.floor(next() * (i % 10 === 0 ? 5 : 4))]!,
			next() < 0.1 ? null : Math.floor(next() * 500_000)
		)
	);
	const edges = nodes.flatMap((a) =>
		Array.from({ length: edgesPerNode }, () => e(a.soc, nodes[Math.floor(next() * count)]!.soc))
	);
	return { nodes, edges };
}

/** Deterministic shuffle (reversal of interleaved halves) — no Math.random in tests either. */
const shuffle = <T>(xs: readonly T[]) => {
	const odd = xs.filter((_, i) => i % 2 === 1);
	const even = xs.filter((_, i) => i % 2 === 0);
	return [...odd.reverse(), ...even];
};

const numbersIn = (path: string) => (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

function crossings(layout: PathwayLayout): number {
	const at = new Map(layout.nodes.map((p) => [p.soc, p]));
	const forward = layout.links.filter((l) => l.direction === 'forward');
	let count = 0;
	for (let i = 0; i < forward.length; i++) {
		for (let j = i + 1; j < forward.length; j++) {
			const a = forward[i]!;
			const b = forward[j]!;
			const [a0, a1, b0, b1] = [at.get(a.from)!, at.get(a.to)!, at.get(b.from)!, at.get(b.to)!];
			if (a0.x !== b0.x || a1.x !== b1.x) continue;
			if ((a0.y - b0.y) * (a1.y - b1.y) < 0) count++;
		}
	}
	return count;
}

describe('layoutPathways', () => {
	const small = {
		nodes: [
			n('11-0001', 'feeder'),
			n('11-0002', 'feeder'),
			n('21-0001', 'entry'),
			n('21-0002', 'entry'),
			n('31-0001', 'mid', 250_000),
			n('41-0001', 'advanced', null)
		],
		edges: [
			e('11-0001', '21-0002'),
			e('11-0002', '21-0001'),
			e('21-0001', '31-0001'),
			e('31-0001', '41-0001', 'curated'),
			e('41-0001', '11-0001'),
			e('21-0001', '21-0002'),
			e('21-0001', '99-9999'),
			e('31-0001', '31-0001')
		]
	};

	it('is deterministic: same input twice, and any input order, give byte-identical output', () => {
		const a = layoutPathways(small);
		expect(JSON.stringify(layoutPathways(small))).toBe(JSON.stringify(a));
		const shuffled = { nodes: shuffle(small.nodes), edges: shuffle(small.edges) };
		expect(JSON.stringify(layoutPathways(shuffled))).toBe(JSON.stringify(a));
		const big = generated(200, 4);
		const bigShuffled = { nodes: shuffle(big.nodes), edges: shuffle(big.edges) };
		expect(JSON.stringify(layoutPathways(bigShuffled))).toBe(JSON.stringify(layoutPathways(big)));
	});

	it('puts columns in level order, left to right, and nodes on their column', () => {
		const layout = layoutPathways(small);
		expect(layout.columns.map((c) => [c.level, c.label])).toEqual([
			['feeder', 'Feeder'],
			['entry', 'Entry'],
			['mid', 'Mid-level'],
			['advanced', 'Advanced']
		]);
		const xs = layout.columns.map((c) => c.x);
		expect(xs).toEqual([...xs].sort((p, q) => p - q));
		expect(new Set(xs).size).toBe(4);
		for (const p of layout.nodes) {
			expect(p.x).toBe(layout.columns.find((c) => c.level === p.level)!.x);
		}
	});

	it('adds a "Level not known" column on the right only when needed', () => {
		const layout = layoutPathways({ nodes: [...small.nodes, n('51-0001', null)], edges: [] });
		expect(layout.columns.at(-1)).toMatchObject({ level: 'unknown', label: 'Level not known' });
		expect(layout.nodes.find((p) => p.soc === '51-0001')!.level).toBe('unknown');
	});

	it('uncrosses two crossing edges with the barycenter sweeps (ties by soc)', () => {
		const crossed = {
			nodes: small.nodes.slice(0, 4),
			edges: [e('11-0001', '21-0002'), e('11-0002', '21-0001')]
		};
		expect(crossings(layoutPathways(crossed, { sweeps: 0 }))).toBe(1);
		expect(crossings(layoutPathways(crossed))).toBe(0);
	});

	it('reduces crossings on a generated 200-node graph', () => {
		const g = generated(200, 2);
		expect(crossings(layoutPathways(g))).toBeLessThan(crossings(layoutPathways(g, { sweeps: 0 })));
	});

	it('sizes radii on a square-root scale of the chosen measure', () => {
		const nodes = [
			n('11-0001', 'feeder', 0, 400),
			n('11-0002', 'feeder', 100, 100),
			n('11-0003', 'feeder', 400, null),
			n('11-0004', 'feeder', null, 0)
		];
		const r = (layout: PathwayLayout) => layout.nodes.map((p) => [p.r, p.sizeKnown]);
		expect(r(layoutPathways({ nodes, edges: [] }, { radius: [2, 10] }))).toEqual([
			[2, true],
			[6, true],
			[10, true],
			[2, false]
		]);
		expect(
			r(layoutPathways({ nodes, edges: [] }, { radius: [2, 10], sizeBy: 'openings' }))
		).toEqual([
			[10, true],
			[6, true],
			[2, false],
			[2, true]
		]);
	});

	it('draws each kept edge as a curve, and leaves out unknown ends and self-loops', () => {
		const layout = layoutPathways(small);
		expect(layout.links.map((l) => `${l.from}→${l.to} ${l.direction} ${l.source}`)).toEqual([
			'11-0001→21-0002 forward onet',
			'11-0002→21-0001 forward onet',
			'21-0001→21-0002 same onet',
			'21-0001→31-0001 forward onet',
			'31-0001→41-0001 forward curated',
			'41-0001→11-0001 backward onet'
		]);
		for (const l of layout.links) expect(l.path).toMatch(/^M[\d.]+,[\d.]+C([\d.]+,){5}[\d.]+$/);
		// A forward curve leaves the right edge of its circle and arrives at the left edge of the next.
		const from = layout.nodes.find((p) => p.soc === '21-0001')!;
		const to = layout.nodes.find((p) => p.soc === '31-0001')!;
		const path = layout.links.find((l) => l.to === '31-0001')!.path;
		const [x0, y0, , , , , x1, y1] = numbersIn(path);
		const expected = [from.x + from.r, from.y, to.x - to.r, to.y];
		[x0, y0, x1, y1].forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
	});

	it('refuses a duplicated soc', () => {
		expect(() =>
			layoutPathways({ nodes: [n('11-0001', 'feeder'), n('11-0001', 'mid')], edges: [] })
		).toThrow(/11-0001 appears twice/);
	});

	const oneColumn = generated(200, 3);
	it.each([
		['200 nodes, default spacing', generated(200, 3), {}],
		[
			'200 nodes in one column, tight spacing',
			{
				nodes: oneColumn.nodes.map((p) => ({ ...p, level: 'mid' as const })),
				edges: oneColumn.edges
			},
			{ minSpacing: 10, gap: 2 }
		],
		['an empty graph', { nodes: [], edges: [] as PathwayEdge[] }, {}]
	])('%s: no overlaps and everything inside the computed size', (_name, input, options) => {
		const layout = layoutPathways(input, options);
		expect(layout.nodes).toHaveLength(input.nodes.length);
		const minSpacing = 'minSpacing' in options ? options.minSpacing : 16;
		const gap = 'gap' in options ? options.gap : 4;
		for (const column of layout.columns) {
			const col = layout.nodes.filter((p) => p.level === column.level).sort((a, b) => a.y - b.y);
			for (let i = 1; i < col.length; i++) {
				const [a, b] = [col[i - 1]!, col[i]!];
				expect(b.y - a.y).toBeGreaterThanOrEqual(Math.max(minSpacing, a.r + b.r + gap) - 0.02);
			}
		}
		for (const p of layout.nodes) {
			expect(p.x - p.r).toBeGreaterThanOrEqual(0);
			expect(p.y - p.r).toBeGreaterThanOrEqual(0);
			expect(p.x + p.r).toBeLessThanOrEqual(layout.width);
			expect(p.y + p.r).toBeLessThanOrEqual(layout.height);
		}
		for (const l of layout.links) {
			const values = numbersIn(l.path);
			const xs = values.filter((_, i) => i % 2 === 0);
			const ys = values.filter((_, i) => i % 2 === 1);
			expect(Math.min(...xs, ...ys)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...xs)).toBeLessThanOrEqual(layout.width);
			expect(Math.max(...ys)).toBeLessThanOrEqual(layout.height);
		}
	});
});

describe('room for labels', () => {
	it('leaves labelWidth right of the last column for its nodes’ labels', () => {
		const input = { nodes: [n('15-1232', 'entry'), n('11-3021', 'advanced')], edges: [] };
		for (const labelWidth of [170, 300]) {
			const layout = layoutPathways(input, { labelWidth });
			const last = layout.nodes.find((p) => p.soc === '11-3021')!;
			expect(layout.width - (last.x + last.r)).toBeGreaterThanOrEqual(labelWidth - 0.01);
		}
		const narrow = layoutPathways(input, { labelWidth: 0 });
		const wide = layoutPathways(input, { labelWidth: 300 });
		expect(wide.width).toBeGreaterThan(narrow.width);
		expect(wide.nodes).toEqual(narrow.nodes); // only the drawing's width changes
	});
});
