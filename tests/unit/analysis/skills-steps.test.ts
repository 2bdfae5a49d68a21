import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	parseCredentialsReference,
	parseFundingReference
} from '../../../src/lib/analysis/credentials-reference';
import {
	calibrateThreshold,
	hotTechnologiesToLearn,
	skillProfiles,
	skillRowsFromText,
	skillSimilarity,
	skillsToBuild,
	socSkillProfiles,
	type SkillRow
} from '../../../src/lib/analysis/skills';
import {
	credentialsForStep,
	fundingForStep,
	preparationStep,
	programsForStep,
	type StepProgram
} from '../../../src/lib/analysis/step-plan';

/** The O*NET Skills cut (tests/fixtures/onet/Skills.txt) as rows. */
const rows = skillRowsFromText(readFileSync('tests/fixtures/onet/Skills.txt', 'utf8'));
const profiles = skillProfiles(rows);
const helpDesk = profiles.get('15-1232.00')!;
const security = profiles.get('15-1212.00')!;
const programmer = profiles.get('15-1251.00')!;

describe('skill profiles from O*NET Skills', () => {
	it('reads 35 skills with importance and level per occupation', () => {
		expect([...profiles.keys()].sort()).toEqual([
			'15-1212.00',
			'15-1232.00',
			'15-1244.00',
			'15-1251.00'
		]);
		expect(helpDesk.size).toBe(35);
		// As in the file: Programming for Computer Programmers.
		expect(programmer.get('2.B.3.e')).toEqual({
			name: 'Programming',
			importance: 4.75,
			level: 4.88
		});
	});

	it('similarity: the same profile is 1; closer jobs score higher; symmetric', () => {
		expect(skillSimilarity(helpDesk, helpDesk)).toBeCloseTo(1);
		expect(skillSimilarity(helpDesk, security)).toBeCloseTo(skillSimilarity(security, helpDesk)!);
		const net = profiles.get('15-1244.00')!;
		expect(skillSimilarity(net, helpDesk)!).toBeGreaterThan(skillSimilarity(net, programmer)!);
	});

	it('similarity is null without 3 shared ratings or with a flat profile', () => {
		const flat = new Map([...helpDesk].map(([id, r]) => [id, { ...r, importance: 2, level: 2 }]));
		expect(skillSimilarity(flat, helpDesk)).toBeNull();
		const two = new Map([...helpDesk].slice(0, 2));
		expect(skillSimilarity(two, helpDesk)).toBeNull();
	});

	it('a SOC profile: the .00 row, else the mean of the children', () => {
		const kid = (code: string, level: number) =>
			({
				code,
				elementId: 'e',
				elementName: 'E',
				scaleId: 'LV',
				value: level,
				notRelevant: false
			}) as SkillRow;
		const soc = socSkillProfiles(
			skillProfiles([
				kid('15-1299.08', 2),
				kid('15-1299.09', 4),
				kid('15-1252.00', 5),
				kid('15-1252.01', 1)
			])
		);
		expect(soc.get('15-1299')!.get('e')!.level).toBe(3);
		expect(soc.get('15-1252')!.get('e')!.level).toBe(5);
	});

	it('calibrateThreshold: the value the given share reaches', () => {
		expect(calibrateThreshold([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], 0.9)).toBe(0.1);
		expect(calibrateThreshold([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], 0.5)).toBe(0.5);
		expect(calibrateThreshold([], 0.9)).toBeNull();
	});
});

describe('skillsToBuild and hot technologies', () => {
	it('help desk → computer programmer: the largest level gaps among important skills', () => {
		const build = skillsToBuild(helpDesk, programmer, { limit: 3 });
		expect(build.map((s) => s.name)).toContain('Programming');
		for (const s of build) {
			expect(s.importance).toBeGreaterThanOrEqual(3);
			expect(s.gap).toBeCloseTo(s.toLevel - s.fromLevel!);
		}
		expect(build.map((s) => s.gap)).toEqual([...build.map((s) => s.gap)].sort((a, b) => b - a));
		expect(skillsToBuild(programmer, programmer)).toEqual([]);
	});

	it('hot technologies the next job lists and the current one lacks, in demand first', () => {
		const t = (example: string, hot = true, inDemand = false) => ({ example, hot, inDemand });
		expect(
			hotTechnologiesToLearn(
				[t('Microsoft Excel'), t('Linux')],
				[
					t('linux'),
					t('Python', true, true),
					t('Git'),
					t('Jira', false),
					t('Amazon Web Services', true, true)
				]
			).map((x) => x.example)
		).toEqual(['Amazon Web Services', 'Python', 'Git']);
	});
});

describe('preparationStep', () => {
	it('Job Zone and education change, experience as published', () => {
		expect(
			preparationStep(
				{ jobZone: 3, entryEducation: 'Some college, no degree', workExperience: 'None' },
				{ jobZone: 4, entryEducation: "Bachelor's degree", workExperience: 'Less than 5 years' }
			)
		).toEqual({
			jobZone: { from: 3, to: 4, change: 'more' },
			entryEducation: { from: 'Some college, no degree', to: "Bachelor's degree", change: 'more' },
			workExperience: { from: 'None', to: 'Less than 5 years' }
		});
		expect(
			preparationStep(
				{ jobZone: null, entryEducation: "Associate's degree", workExperience: null },
				{ jobZone: 3, entryEducation: 'Postsecondary nondegree award', workExperience: null }
			).entryEducation.change
		).toBe('same');
	});
});

describe('credentialsForStep', () => {
	const { rows: creds } = parseCredentialsReference(
		readFileSync('tests/fixtures/credentials/it_credentials.csv', 'utf8'),
		'it_credentials.csv'
	);
	it('toward 15-1212: entry level first, cheapest first, no fee last within a level', () => {
		expect(credentialsForStep(creds, '15-1212.00').map((c) => [c.id, c.level, c.feeUsd])).toEqual([
			['comptia-security-plus', 'entry', 439],
			['google-cybersecurity', 'entry', null],
			['comptia-cysa-plus', 'intermediate', 425],
			['isc2-cissp', 'advanced', 749]
		]);
		expect(credentialsForStep(creds, '15-1252')).toEqual([]);
	});
});

describe('programsForStep', () => {
	const p = (
		unitid: string,
		institution: string,
		awardLevel: number,
		completions: number
	): StepProgram => ({
		unitid,
		institution,
		city: null,
		cip: '11.1003',
		cipTitle: null,
		awardLevel,
		completions,
		year: 2024
	});
	const programs = [
		p('1', 'Big University', 7, 900), // master's
		p('1', 'Big University', 5, 600), // bachelor's
		p('2', 'City College', 3, 120), // associate's
		p('2', 'City College', 1, 40), // short certificate
		p('3', 'Tech Institute', 2, 60) // 1–2 year certificate
	];

	it("bachelor's job, mid step: at or below the bachelor's, short awards first, grouped", () => {
		const out = programsForStep(programs, { entryEducation: "Bachelor's degree", level: 'mid' });
		expect(out.ceiling).toBe('bachelor');
		expect(out.hidden).toBe(1);
		expect(out.groups.map((g) => [g.institution, g.programs.map((x) => x.awardLevel)])).toEqual([
			['City College', [1, 3]],
			['Tech Institute', [2]],
			['Big University', [5]]
		]);
	});

	it('an entry job asking for a nondegree award: below the bachelor only', () => {
		const out = programsForStep(programs, {
			entryEducation: 'Postsecondary nondegree award',
			level: 'entry'
		});
		expect(out.groups.flatMap((g) => g.programs.map((x) => x.awardLevel))).toEqual([1, 3, 2]);
		expect(out.hidden).toBe(2);
	});

	it('show all, advanced step: every award, most completions first', () => {
		const out = programsForStep(
			programs,
			{ entryEducation: "Master's degree", level: 'advanced' },
			{ showAll: true }
		);
		expect(out.hidden).toBe(0);
		expect(out.ceiling).toBeNull();
		expect(out.groups.map((g) => g.institution)).toEqual([
			'Big University',
			'City College',
			'Tech Institute'
		]);
		expect(out.groups[0]!.completions).toBe(1500);
	});
});

describe('fundingForStep', () => {
	const { rows: funding } = parseFundingReference(
		readFileSync('tests/fixtures/credentials/funding_sources.csv', 'utf8'),
		'funding_sources.csv'
	);
	it('points to the sources that fit what the step asks for, each once', () => {
		expect(
			fundingForStep(funding, { credentials: 1, shortPrograms: 1, bachelorPrograms: 0 }).map(
				(f) => f.id
			)
		).toEqual(['gi-bill-license-cert', 'wioa-ita', 'pell-grant']);
		expect(
			fundingForStep(funding, { credentials: 0, shortPrograms: 0, bachelorPrograms: 1 }).map(
				(f) => f.id
			)
		).toEqual(['pell-grant']);
	});
});
