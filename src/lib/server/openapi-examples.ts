/** Examples of the API document: real answers on the bundled sample (Los Angeles 2021), cut to a row or two. */
export const areasExample = [
	{
		code: '99',
		title: 'U.S.',
		type: 'national',
		state: null,
		years: [2020, 2021, 2022, 2023, 2024, 2025],
		completeYears: [2020, 2021, 2022, 2023, 2024, 2025]
	},
	{
		code: '10180',
		title: 'Abilene, TX',
		type: 'msa',
		state: 'TX',
		years: [2022],
		completeYears: []
	}
];
export const gapsRowExample = {
	soc: '15-1252',
	title: 'Software Developers',
	category: 'Programming and Development',
	employment: 49020,
	lq: 0.8851222278481772,
	openings: 3712.5220870145026,
	openingsGrowth: 1117.842307051175,
	openingsReplacement: 2594.6797799633273,
	openingsSource: { kind: 'national-rate', vintage: '2022–32', employmentYear: 2021 },
	openingsMethod: 'national-rate',
	supply: 3490.696615044091,
	supplyStatus: 'measured',
	supplyOther: [],
	supplyGap: 221.82547197041185,
	supplyRatio: 0.9402493865972399,
	gapStatus: 'gap',
	gapReason: 'postsecondary-award',
	experienceFlag: false,
	supplyGapEven: 2795.7426997351154,
	signDisagrees: false,
	medianAnnualWage: 127690,
	medianTopCoded: false,
	wageToRegionalMedian: 2.6836906263135774,
	wageToRegionalBound: 'exact',
	wageToNationalMedian: 1.0576493000911125,
	wageToNationalBound: 'exact',
	p25AnnualWage: 99020,
	entryAnnualWage: 99020,
	livingWageRatio: 2.254553734061931,
	livingWageBound: 'exact',
	reliability: { employment: 'high', wage: 'high' },
	entryEducation: "Bachelor's degree",
	workExperience: 'None',
	jobTraining: 'None',
	postings: null,
	representation: [
		{
			group: 'women',
			scope: 'national',
			baselineScope: 'national',
			share: 0.20199999999999999,
			baseline: 0.469,
			parityIndex: 0.43070362473347545,
			gapPoints: -26.700000000000003,
			marginPoints: 2.0424977455245155,
			base: 2134000,
			flag: 'under-represented'
		},
		{
			group: 'white',
			scope: 'national',
			baselineScope: 'national',
			share: 0.546,
			baseline: 0.765,
			parityIndex: 0.7137254901960784,
			gapPoints: -21.9,
			marginPoints: 2.5193290043754852,
			base: 2134000,
			flag: 'under-represented'
		},
		{
			group: 'black',
			scope: 'national',
			baselineScope: 'national',
			share: 0.065,
			baseline: 0.128,
			parityIndex: 0.5078125,
			gapPoints: -6.3,
			marginPoints: 1.256514903941427,
			base: 2134000,
			flag: 'under-represented'
		},
		{
			group: 'asian',
			scope: 'national',
			baselineScope: 'national',
			share: 0.36200000000000004,
			baseline: 0.069,
			parityIndex: 5.246376811594203,
			gapPoints: 29.300000000000004,
			marginPoints: 2.4246397403744315,
			base: 2134000,
			flag: 'over-represented'
		},
		{
			group: 'hispanic',
			scope: 'national',
			baselineScope: 'national',
			share: 0.06,
			baseline: 0.188,
			parityIndex: 0.3191489361702127,
			gapPoints: -12.8,
			marginPoints: 1.2172376867391506,
			base: 2134000,
			flag: 'under-represented'
		}
	],
	score: 54.33223237337449,
	scoreReason: null,
	scoreComponents: {
		demand: 0.22286541244573083,
		unmet: 0.2912912912912913,
		wage: 0.9060205580029369,
		representation: 0.7531120331950207
	},
	rank: { now: 135, best: 33, worst: 296 },
	sources: [
		{ source: 'bls-oews', year: 2021 },
		{ source: 'bls-oews', year: 2021 },
		{ source: 'bls-ep-occupation', year: 2022 },
		{ source: 'nces-ipeds-completions', year: 2024 },
		{ source: 'nces-ipeds-hd', year: 2024 },
		{ source: 'nces-cip-soc-crosswalk', year: 2020 },
		{ source: 'hhs-poverty-guidelines', year: 2019 },
		{ source: 'bls-cps-table11', year: 2023 },
		{ source: 'census-acs-cbsa-baseline', year: 2019 },
		{ source: 'digital-jobs-categories', year: null }
	]
};
export const digitalExample = {
	area: {
		code: '31080',
		title: 'Los Angeles-Long Beach-Anaheim, CA',
		type: 'msa',
		state: 'CA',
		necta: false,
		years: [2021, 2022],
		completeYears: [2021]
	},
	year: 2021,
	regionalMedianWage: 47580,
	total: {
		employment: 5719620,
		employmentStatus: 'published',
		medianAnnualWage: 47580,
		medianStatus: 'published'
	},
	coverage: {
		groups: [
			{ code: '00', title: 'All Occupations' },
			{ code: '11', title: 'Management Occupations' }
		],
		complete: true
	},
	categories: [
		{
			category: 'Data Management and Analysis',
			occupations: 8,
			employment: 20840,
			medianWage: 77600,
			wagesMissing: 0
		},
		{ category: 'Design', occupations: 3, employment: 21530, medianWage: 61970, wagesMissing: 0 }
	],
	uncovered: {
		'All digital jobs': [],
		'Data Management and Analysis': [],
		Design: [],
		Networking: [],
		'Programming and Development': [],
		Support: [],
		Crosscutting: []
	},
	shareOfJobs: 0.05364517223172169,
	representation: [
		{
			group: 'women',
			shareOfDigitalJobs: 0.3755213055601116,
			baseline: 0.469,
			employmentCovered: 304850
		}
	],
	representationGeography: 'national',
	representationYear: 2023,
	sources: [
		{ runId: 15, source: 'bls-oews', year: 2021, fileName: 'oews_MSA_M2021_los_angeles.csv' },
		{ runId: 10, source: 'bls-oews', year: 2021, fileName: 'national_M2021_dl.xlsx' }
	]
};
export const pathwaysExample = {
	area: '31080',
	year: 2021,
	coverage: {
		groups: [
			{
				code: '00',
				title: 'All Occupations'
			}
		],
		complete: true
	},
	objective: 'pay-per-step',
	nodes: [
		{
			soc: '11-3021',
			title: 'Computer and Information Systems Managers',
			level: 'mid',
			category: 'Crosscutting',
			medianAnnualWage: 164060,
			wageTopCoded: false,
			employment: 24140,
			openings: 1885.8432580994422,
			jobZone: 4,
			entryEducation: "Bachelor's degree",
			catchAll: false
		},
		{
			soc: '13-1082',
			title: 'Project Management Specialists',
			level: 'mid',
			category: 'Crosscutting',
			medianAnnualWage: 97230,
			wageTopCoded: false,
			employment: 28480,
			openings: 2134.4720189291806,
			jobZone: 4,
			entryEducation: "Bachelor's degree",
			catchAll: false
		}
	],
	edges: [
		{
			from: '13-1082',
			to: '11-3021',
			source: 'onet',
			tier: 'Primary-Short',
			note: null,
			direction: 'up',
			feasibility: 1,
			parts: {
				relatedness: 1,
				skills: null,
				preparation: 1
			},
			wageChangePct: 68.7
		},
		{
			from: '13-1199',
			to: '13-1082',
			source: 'onet',
			tier: 'Primary-Short',
			note: null,
			direction: 'up',
			feasibility: 1,
			parts: {
				relatedness: 1,
				skills: null,
				preparation: 1
			},
			wageChangePct: 47.2
		}
	],
	hiddenMoves: 61,
	hiddenNodes: 0,
	routes: [
		{
			path: ['15-1232', '15-1212'],
			objective: 'pay-per-step',
			score: 0.958,
			feasibility: 0.696,
			wageGainPct: 95.8,
			gainAtLeast: false,
			gainPerStepPct: 95.8,
			smallestStepGainPct: 95.8,
			steps: [
				{
					from: '15-1232',
					to: '15-1212',
					feasibility: 0.696,
					parts: {
						relatedness: 0.75,
						skills: 0.865,
						preparation: 0.25
					},
					sources: [
						{
							kind: 'onet',
							tier: 'Primary-Long',
							rank: 9
						},
						{
							kind: 'onet',
							tier: 'Supplemental',
							rank: 17
						}
					],
					direction: 'up',
					wageChangePct: 95.8,
					wageChangeAtLeast: false,
					preparation: {
						jobZone: {
							from: 3,
							to: 4,
							change: 'more'
						},
						entryEducation: {
							from: 'Some college, no degree',
							to: "Bachelor's degree",
							change: 'more'
						},
						workExperience: {
							from: 'None',
							to: 'Less than 5 years'
						}
					},
					skillsKnown: true,
					skillsToBuild: [
						{
							elementId: '2.A.2.d',
							name: 'Monitoring',
							fromLevel: 3,
							toLevel: 3.88,
							importance: 3.38
						},
						{
							elementId: '2.A.1.c',
							name: 'Writing',
							fromLevel: 3.12,
							toLevel: 3.75,
							importance: 3.5
						}
					],
					hotTechnologies: [
						{
							example: 'Amazon DynamoDB',
							hot: true,
							inDemand: false
						},
						{
							example: 'Amazon Elastic Compute Cloud EC2',
							hot: true,
							inDemand: false
						}
					],
					credentials: [
						{
							id: 'isc2-cc',
							name: 'ISC2 Certified in Cybersecurity (CC)',
							issuer: 'ISC2',
							level: 'entry',
							feeUsd: 199,
							feeBasis: 'per exam; free under ISC2 One Million CC program while offered',
							feeAsOf: '2026-04',
							sources: [
								'https://open-exam-prep.com/blog/isc2-cc-certified-in-cybersecurity-guide-2026',
								'https://www.isc2.org/frequently-asked-questions',
								'https://www.isc2.org/Policies-Procedures/Candidate-Policies'
							]
						}
					],
					programs: {
						shown: 25,
						hidden: 26,
						ceiling: 'bachelor',
						shortFirst: true,
						groups: [
							{
								unitid: '479992',
								institution: 'Brand College',
								city: 'Glendale',
								completions: 22,
								programs: [
									{
										cip: '11.0103',
										cipTitle: 'Information Technology.',
										awardLevel: 20,
										completions: 13,
										year: 2024
									}
								]
							}
						]
					},
					funding: [
						{
							id: 'gi-bill-license-cert',
							name: 'GI Bill Licensing & Certification test reimbursement',
							administrator: 'US Department of Veterans Affairs',
							typicalMaxUsd: 2000,
							sources: [
								'https://www.va.gov/education/about-gi-bill-benefits/how-to-use-benefits/test-fees/',
								'https://www.benefits.va.gov/gibill/licensing_certification.asp'
							]
						}
					],
					underRepresented: ['women', 'hispanic']
				}
			]
		}
	]
};

export const nodeExample = {
	area: {
		code: '31080',
		title: 'Los Angeles-Long Beach-Anaheim, CA',
		type: 'msa',
		state: 'CA',
		necta: false,
		years: [2021, 2022],
		completeYears: [2021]
	},
	year: 2021,
	soc: '15-1232',
	title: 'Computer User Support Specialists',
	level: 'entry',
	category: 'Support',
	medianAnnualWage: 61070,
	wageTopCoded: false,
	entryAnnualWage: 47700,
	wageToRegionalMedian: 1.2835224884405212,
	regionalMedianWage: 47580,
	employment: 19480,
	openings: 1373.4490756079783,
	openingsMethod: 'national-rate',
	supply: 89.4571401935797,
	supplyGap: null,
	entryEducation: 'Some college, no degree',
	workExperience: 'None',
	jobTraining: 'Moderate-term on-the-job training',
	jobZone: 3,
	skills: [
		{
			example: 'Apple iOS',
			hot: true,
			inDemand: true
		},
		{
			example: 'Apple macOS',
			hot: true,
			inDemand: true
		}
	],
	credentials: [],
	referenceCredentials: [
		{
			id: 'google-it-support',
			name: 'Google IT Support Professional Certificate',
			issuer: 'Google (via Coursera)',
			level: 'entry',
			feeUsd: 49,
			feeBasis: 'Coursera monthly subscription; under 6 months at ~10 h/week',
			feeAsOf: null,
			sources: [
				'https://winenfood.com/google-it-support-certificate-time-investment',
				'https://visualfoodie.com/how-long-to-get-a-free-google-it-certification',
				'https://visualfoodie.com/review-of-the-google-it-support-certificate-coursera',
				'https://jff.org/idea/providing-support-community-colleges-now-and-lever-transformative-change'
			]
		},
		{
			id: 'ms-az-900',
			name: 'Microsoft Certified: Azure Fundamentals (AZ-900)',
			issuer: 'Microsoft',
			level: 'entry',
			feeUsd: 99,
			feeBasis: 'per exam, 1 exam',
			feeAsOf: null,
			sources: [
				'https://az900exam.com/blog/az-900-certification',
				'https://www.threebit.io/en/blog/azure-fundamentals-certification',
				'https://certcompanion.com/exams/microsoft-azure-fundamentals-az-900'
			]
		}
	],
	programs: {
		top: [
			{
				unitid: '399869',
				institution: 'Southern California Institute of Technology',
				city: 'Anaheim',
				cip: '11.1006',
				cipTitle: 'Computer Support Specialist.',
				awardLevel: 2,
				completions: 27,
				year: 2024
			}
		],
		count: 13,
		completions: 94,
		year: 2024
	},
	representation: [
		{
			group: 'women',
			scope: 'national',
			baselineScope: 'national',
			share: 0.262,
			baseline: 0.469,
			parityIndex: 0.5586353944562901,
			gapPoints: -20.699999999999996,
			marginPoints: 3.9135532033058125,
			base: 687000,
			flag: 'under-represented'
		},
		{
			group: 'white',
			scope: 'national',
			baselineScope: 'national',
			share: 0.67,
			baseline: 0.765,
			parityIndex: 0.8758169934640523,
			gapPoints: -9.499999999999996,
			marginPoints: 4.1806982883113495,
			base: 687000,
			flag: 'under-represented'
		}
	],
	representationGeography: 'national',
	comesFrom: [
		{
			soc: '25-4031',
			title: 'Library Technicians',
			source: 'onet',
			tier: 'Primary-Long',
			direction: 'up',
			feasibility: 0.8115567449567265,
			wageChange: 0.5687130747495505,
			wageChangeAtLeast: false,
			paysMore: true
		},
		{
			soc: '49-2011',
			title: 'Computer, Automated Teller, and Office Machine Repairers',
			source: 'onet',
			tier: 'Primary-Long',
			direction: 'up',
			feasibility: 0.76509747702656,
			wageChange: 0.2862257792754844,
			wageChangeAtLeast: false,
			paysMore: true
		}
	],
	leadsTo: [
		{
			soc: '15-1211',
			title: 'Computer Systems Analysts',
			source: 'onet',
			tier: 'Primary-Short',
			direction: 'up',
			feasibility: 0.8633777024989842,
			wageChange: 0.7001801211724251,
			wageChangeAtLeast: false,
			paysMore: true
		},
		{
			soc: '15-1299',
			title: 'Computer Occupations, All Other',
			source: 'onet',
			tier: 'Primary-Short',
			direction: 'up',
			feasibility: 0.85673110396439,
			wageChange: 0.313574586540036,
			wageChangeAtLeast: false,
			paysMore: true
		}
	],
	sources: [
		{
			runId: 15,
			source: 'bls-oews',
			year: 2021,
			fileName: 'oews_MSA_M2021_los_angeles.csv'
		},
		{
			runId: 10,
			source: 'bls-oews',
			year: 2021,
			fileName: 'national_M2021_dl.xlsx'
		}
	]
};

export const compareExample = {
	yearChoice: { status: 'common', year: 2021 },
	areas: [
		{
			area: {
				code: '31080',
				title: 'Los Angeles-Long Beach-Anaheim, CA',
				type: 'msa',
				state: 'CA',
				necta: false,
				years: [2021, 2022],
				completeYears: [2021]
			},
			year: 2021,
			regionalMedianWage: 47580,
			total: {
				employment: 5719620,
				employmentStatus: 'published',
				medianAnnualWage: 47580,
				medianStatus: 'published'
			},
			coverage: {
				groups: [
					{ code: '00', title: 'All Occupations' },
					{ code: '11', title: 'Management Occupations' }
				],
				complete: true
			},
			digital: [
				{
					category: 'Data Management and Analysis',
					occupations: 8,
					employment: 20840,
					medianWage: 77600,
					wagesMissing: 0
				}
			],
			digitalUncovered: {
				'All digital jobs': [],
				'Data Management and Analysis': [],
				Design: [],
				Networking: [],
				'Programming and Development': [],
				Support: [],
				Crosscutting: []
			},
			digitalRepresentation: [
				{
					group: 'women',
					shareOfDigitalJobs: 0.3755213055601116,
					baseline: 0.469,
					employmentCovered: 304850
				}
			],
			representationGeography: 'national',
			sources: [
				{ runId: 15, source: 'bls-oews', year: 2021, fileName: 'oews_MSA_M2021_los_angeles.csv' }
			]
		},
		{
			area: {
				code: '99',
				title: 'U.S.',
				type: 'national',
				state: null,
				necta: false,
				years: [2020, 2021, 2022, 2023, 2024, 2025],
				completeYears: [2020, 2021, 2022, 2023, 2024, 2025]
			},
			year: 2021,
			regionalMedianWage: 45760,
			total: {
				employment: 140886310,
				employmentStatus: 'published',
				medianAnnualWage: 45760,
				medianStatus: 'published'
			},
			coverage: {
				groups: [
					{ code: '00', title: 'All Occupations' },
					{ code: '11', title: 'Management Occupations' }
				],
				complete: true
			},
			digital: [
				{
					category: 'Data Management and Analysis',
					occupations: 8,
					employment: 597020,
					medianWage: 82360,
					wagesMissing: 0
				}
			],
			digitalUncovered: {
				'All digital jobs': [],
				'Data Management and Analysis': [],
				Design: [],
				Networking: [],
				'Programming and Development': [],
				Support: [],
				Crosscutting: []
			},
			digitalRepresentation: [
				{
					group: 'women',
					shareOfDigitalJobs: 0.35301049846990806,
					baseline: 0.469,
					employmentCovered: 7352500
				}
			],
			representationGeography: 'national',
			sources: [{ runId: 10, source: 'bls-oews', year: 2021, fileName: 'national_M2021_dl.xlsx' }]
		}
	],
	occupations: [
		{
			soc: '15-1252',
			title: 'Software Developers',
			category: 'Programming and Development',
			byArea: [
				// Los Angeles: the same row as the gaps example.
				gapsRowExample,
				{
					soc: '15-1252',
					title: 'Software Developers',
					category: 'Programming and Development',
					employment: 1364180,
					lq: null,
					openings: 136300,
					openingsGrowth: 41040,
					openingsReplacement: 95260,
					openingsSource: { kind: 'area-projection', vintage: '2022–32', employmentYear: null },
					openingsMethod: 'area-projection',
					supply: 31650.805884047364,
					supplyStatus: 'measured',
					supplyOther: [],
					supplyGap: 104649.19411595263,
					supplyRatio: 0.23221427647870407,
					gapStatus: 'gap',
					gapReason: 'postsecondary-award',
					experienceFlag: false,
					supplyGapEven: 128295.9880980131,
					signDisagrees: false,
					medianAnnualWage: 120730,
					medianTopCoded: false,
					wageToRegionalMedian: 2.6383304195804196,
					wageToRegionalBound: 'exact',
					wageToNationalMedian: 1,
					wageToNationalBound: 'exact',
					p25AnnualWage: 90870,
					entryAnnualWage: 90870,
					livingWageRatio: 2.0689890710382515,
					livingWageBound: 'exact',
					reliability: { employment: 'high', wage: 'high' },
					entryEducation: "Bachelor's degree",
					workExperience: 'None',
					jobTraining: 'None',
					postings: null,
					representation: [
						{
							group: 'women',
							scope: 'national',
							baselineScope: 'national',
							share: 0.20199999999999999,
							baseline: 0.469,
							parityIndex: 0.43070362473347545,
							gapPoints: -26.700000000000003,
							marginPoints: 2.0424977455245155,
							base: 2134000,
							flag: 'under-represented'
						},
						{
							group: 'white',
							scope: 'national',
							baselineScope: 'national',
							share: 0.546,
							baseline: 0.765,
							parityIndex: 0.7137254901960784,
							gapPoints: -21.9,
							marginPoints: 2.5193290043754852,
							base: 2134000,
							flag: 'under-represented'
						},
						{
							group: 'black',
							scope: 'national',
							baselineScope: 'national',
							share: 0.065,
							baseline: 0.128,
							parityIndex: 0.5078125,
							gapPoints: -6.3,
							marginPoints: 1.256514903941427,
							base: 2134000,
							flag: 'under-represented'
						},
						{
							group: 'asian',
							scope: 'national',
							baselineScope: 'national',
							share: 0.36200000000000004,
							baseline: 0.069,
							parityIndex: 5.246376811594203,
							gapPoints: 29.300000000000004,
							marginPoints: 2.4246397403744315,
							base: 2134000,
							flag: 'over-represented'
						},
						{
							group: 'hispanic',
							scope: 'national',
							baselineScope: 'national',
							share: 0.06,
							baseline: 0.188,
							parityIndex: 0.3191489361702127,
							gapPoints: -12.8,
							marginPoints: 1.2172376867391506,
							base: 2134000,
							flag: 'under-represented'
						}
					],
					score: 62.20783475596774,
					scoreReason: null,
					scoreComponents: {
						demand: 0.42530120481927713,
						unmet: 0.38402061855670105,
						wage: 0.9344660194174758,
						representation: 0.7445255474452555
					},
					rank: { now: 88, best: 17, worst: 186 },
					sources: [
						{ source: 'bls-oews', year: 2021 },
						{ source: 'bls-ep-occupation', year: 2022 },
						{ source: 'nces-ipeds-completions', year: 2024 },
						{ source: 'nces-ipeds-hd', year: 2024 },
						{ source: 'nces-ipeds-completions', year: 2023 },
						{ source: 'nces-ipeds-hd', year: 2023 },
						{ source: 'nces-ipeds-completions', year: 2022 },
						{ source: 'nces-ipeds-hd', year: 2022 },
						{ source: 'nces-cip-soc-crosswalk', year: 2020 },
						{ source: 'hhs-poverty-guidelines', year: 2019 },
						{ source: 'bls-cps-table11', year: 2023 },
						{ source: 'digital-jobs-categories', year: null }
					]
				}
			]
		}
	]
};
