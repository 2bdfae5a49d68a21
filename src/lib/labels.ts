/**
 * Labels for codes that pages show (client-safe: no server imports). Each label is a getter so it
 * reads the message in the current request's language (see messages/*.json), not the language
 * at module load.
 */
import { m } from './paraglide/messages';

/** IPEDS award levels (AWLEVEL). */
export const AWARD_LEVELS: Record<number, string> = {
	get 1() {
		return m.award_level_1();
	},
	get 2() {
		return m.award_level_2();
	},
	get 3() {
		return m.award_level_3();
	},
	get 4() {
		return m.award_level_4();
	},
	get 5() {
		return m.award_level_5();
	},
	get 6() {
		return m.award_level_6();
	},
	get 7() {
		return m.award_level_7();
	},
	get 8() {
		return m.award_level_8();
	},
	get 17() {
		return m.award_level_17();
	},
	get 18() {
		return m.award_level_18();
	},
	get 19() {
		return m.award_level_19();
	},
	get 20() {
		return m.award_level_20();
	},
	get 21() {
		return m.award_level_21();
	}
};

export const GROUP_LABELS: Record<string, string> = {
	get women() {
		return m.group_women();
	},
	get white() {
		return m.group_white();
	},
	get black() {
		return m.group_black();
	},
	get asian() {
		return m.group_asian();
	},
	get hispanic() {
		return m.group_hispanic();
	}
};

export const FLAG_LABELS: Record<string, string> = {
	get 'under-represented'() {
		return m.flag_under_represented();
	},
	get 'over-represented'() {
		return m.flag_over_represented();
	},
	get 'within-margin'() {
		return m.flag_within_margin();
	},
	get 'too-few'() {
		return m.flag_too_few();
	},
	get 'no-data'() {
		return m.flag_no_data();
	},
	get 'scope-mismatch'() {
		return m.flag_scope_mismatch();
	}
};

export const JOB_ZONES: Record<number, string> = {
	get 1() {
		return m.job_zone_1();
	},
	get 2() {
		return m.job_zone_2();
	},
	get 3() {
		return m.job_zone_3();
	},
	get 4() {
		return m.job_zone_4();
	},
	get 5() {
		return m.job_zone_5();
	}
};

type Message = (params?: Record<string, unknown>) => string;

/**
 * A message named by its key (the column registry names its labels and help texts this way, so
 * the domain layer needs no messages). The registry test proves every key exists in both languages.
 */
export function messageByKey(key: string, params?: Record<string, unknown>): string {
	const message = (m as unknown as Record<string, Message | undefined>)[key];
	return message ? message(params) : key;
}

/**
 * BLS Employment Projections' wording for entry education, related work experience and
 * on-the-job training, keyed the way `epText` normalises a cell. The database keeps EP's English
 * (it is what the file says and what the filters match on); pages show it through these.
 */
const EP_TEXT_KEYS: Record<string, string> = {
	'no formal educational credential': 'ep_edu_no_formal',
	'high school diploma or equivalent': 'ep_edu_high_school',
	'some college, no degree': 'ep_edu_some_college',
	'postsecondary nondegree award': 'ep_edu_postsecondary',
	"associate's degree": 'ep_edu_associate',
	"bachelor's degree": 'ep_edu_bachelor',
	"master's degree": 'ep_edu_master',
	'doctoral or professional degree': 'ep_edu_doctoral',
	'5 years or more': 'ep_exp_5_plus',
	'less than 5 years': 'ep_exp_under_5',
	none: 'ep_none',
	'short-term on-the-job training': 'ep_train_short',
	'moderate-term on-the-job training': 'ep_train_moderate',
	'long-term on-the-job training': 'ep_train_long',
	apprenticeship: 'ep_train_apprenticeship',
	'internship/residency': 'ep_train_internship'
};

/**
 * An EP education, experience or training value in the page's language; "not known" when
 * missing, and a value EP may add later shows as published.
 */
export function epLabel(text: string | null | undefined): string {
	if (text === null || text === undefined || text.trim() === '') return m.not_known();
	const key =
		EP_TEXT_KEYS[
			text
				.trim()
				.toLowerCase()
				.replace(/[\u2018\u2019`]/g, "'")
		];
	return key ? messageByKey(key) : text;
}

/** SOC 2018 major groups (the first two digits of a code: 11, 13 … 53, 55; 00 the total). */
const SOC_GROUP = /^(00|[1-4][13579]|5[135])$/;

/**
 * A SOC major group's name in the page's language, from its code ("15" or "15-0000"); a group
 * the catalogue lacks keeps the title its source file gives.
 */
export function socGroupLabel(code: string, title: string): string {
	const group = code.slice(0, 2);
	return SOC_GROUP.test(group) ? messageByKey(`soc_group_${group}`) : title;
}
