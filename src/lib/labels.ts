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
