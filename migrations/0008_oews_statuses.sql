-- Folds the seventeen per-measure status columns of oews_facts into one, `statuses`: one
-- character per measure in the order of its value columns ('-' published, '*' not available,
-- 'e' employment not available, '#' top-coded, '~' under half a percent, 'b' blank), NULL when
-- every measure was published. See src/lib/server/db/oews-statuses.ts. One copy of the table:
-- seventeen DROP COLUMNs would rewrite it seventeen times. 420,000 rows take ~3 s; the old
-- table's pages stay in the file as free pages that later imports reuse (VACUUM returns them).
CREATE TABLE `__new_oews_facts` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`soc` text NOT NULL,
	`year` integer NOT NULL,
	`o_group` text NOT NULL,
	`employment` real,
	`employment_prse` real,
	`jobs_per_1000` real,
	`lq_published` real,
	`hourly_mean` real,
	`annual_mean` real,
	`mean_prse` real,
	`hourly_p10` real,
	`hourly_p25` real,
	`hourly_median` real,
	`hourly_p75` real,
	`hourly_p90` real,
	`annual_p10` real,
	`annual_p25` real,
	`annual_median` real,
	`annual_p75` real,
	`annual_p90` real,
	`statuses` text,
	`annual_only` integer DEFAULT false NOT NULL,
	`hourly_only` integer DEFAULT false NOT NULL,
	`source_line` integer NOT NULL,
	PRIMARY KEY(`run_id`, `area`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area`) REFERENCES `areas`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`soc`) REFERENCES `occupations`(`soc`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_oews_facts` (`run_id`, `area`, `soc`, `year`, `o_group`, `employment`, `employment_prse`, `jobs_per_1000`, `lq_published`, `hourly_mean`, `annual_mean`, `mean_prse`, `hourly_p10`, `hourly_p25`, `hourly_median`, `hourly_p75`, `hourly_p90`, `annual_p10`, `annual_p25`, `annual_median`, `annual_p75`, `annual_p90`, `statuses`, `annual_only`, `hourly_only`, `source_line`)
SELECT `run_id`, `area`, `soc`, `year`, `o_group`, `employment`, `employment_prse`, `jobs_per_1000`, `lq_published`, `hourly_mean`, `annual_mean`, `mean_prse`, `hourly_p10`, `hourly_p25`, `hourly_median`, `hourly_p75`, `hourly_p90`, `annual_p10`, `annual_p25`, `annual_median`, `annual_p75`, `annual_p90`,
	CASE WHEN coalesce(`employment_status`, `employment_prse_status`, `jobs_per_1000_status`, `lq_published_status`, `hourly_mean_status`, `annual_mean_status`, `mean_prse_status`, `hourly_p10_status`, `hourly_p25_status`, `hourly_median_status`, `hourly_p75_status`, `hourly_p90_status`, `annual_p10_status`, `annual_p25_status`, `annual_median_status`, `annual_p75_status`, `annual_p90_status`) IS NULL THEN NULL ELSE (CASE `employment_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `employment_prse_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `jobs_per_1000_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `lq_published_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_mean_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_mean_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `mean_prse_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_p10_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_p25_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_median_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_p75_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `hourly_p90_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_p10_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_p25_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_median_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_p75_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) || (CASE `annual_p90_status` WHEN 'not_available' THEN '*' WHEN 'employment_not_available' THEN 'e' WHEN 'top_coded' THEN '#' WHEN 'under_half_percent' THEN '~' WHEN 'blank' THEN 'b' ELSE '-' END) END,
	`annual_only`, `hourly_only`, `source_line`
FROM `oews_facts`;--> statement-breakpoint
DROP TABLE `oews_facts`;--> statement-breakpoint
ALTER TABLE `__new_oews_facts` RENAME TO `oews_facts`;
