CREATE TABLE `cip_soc` (
	`run_id` integer NOT NULL,
	`cip` text NOT NULL,
	`cip_title` text,
	`soc` text NOT NULL,
	`soc_title` text,
	PRIMARY KEY(`run_id`, `cip`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cip_soc_soc` ON `cip_soc` (`soc`);--> statement-breakpoint
CREATE TABLE `completions` (
	`run_id` integer NOT NULL,
	`unitid` text NOT NULL,
	`year` integer NOT NULL,
	`cip` text NOT NULL,
	`major_number` integer NOT NULL,
	`award_level` integer NOT NULL,
	`total` integer,
	`men` integer,
	`women` integer,
	PRIMARY KEY(`run_id`, `unitid`, `cip`, `major_number`, `award_level`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `completions_cip` ON `completions` (`cip`);--> statement-breakpoint
CREATE TABLE `credentials` (
	`run_id` integer NOT NULL,
	`name` text NOT NULL,
	`type` text,
	`issuer` text,
	`soc` text,
	`area` text,
	`cost_usd` real,
	`duration_months` real,
	`completion_rate` real,
	`employment_rate` real,
	`median_wage_after` real,
	`url` text,
	`source_line` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `credentials_soc` ON `credentials` (`soc`);--> statement-breakpoint
CREATE TABLE `digital_categories` (
	`run_id` integer NOT NULL,
	`soc` text NOT NULL,
	`category` text NOT NULL,
	`note` text,
	PRIMARY KEY(`run_id`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `institutions` (
	`run_id` integer NOT NULL,
	`unitid` text NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`city` text,
	`state` text,
	`cbsa` text,
	`county_fips` text,
	`county_name` text,
	`sector` integer,
	`web_address` text,
	PRIMARY KEY(`run_id`, `unitid`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institutions_cbsa` ON `institutions` (`cbsa`);--> statement-breakpoint
CREATE TABLE `labor_force_baseline` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`year` integer NOT NULL,
	`group` text NOT NULL,
	`universe` text NOT NULL,
	`share` real,
	`share_status` text,
	`count` real,
	`share_moe` real,
	`total` real,
	PRIMARY KEY(`run_id`, `area`, `group`, `universe`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `occupation_demographics` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`soc` text,
	`source_title` text,
	`matched_by` text,
	`year` integer NOT NULL,
	`group` text NOT NULL,
	`share` real,
	`share_status` text,
	`count` real,
	`share_moe` real,
	`total_employment` real,
	`source_line` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `occupation_demographics_area_soc` ON `occupation_demographics` (`area`,`soc`);--> statement-breakpoint
CREATE TABLE `occupation_titles` (
	`run_id` integer NOT NULL,
	`soc` text NOT NULL,
	`onet_code` text,
	`title` text NOT NULL,
	`short_title` text,
	`kind` text NOT NULL,
	`note` text,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `occupation_titles_soc` ON `occupation_titles` (`soc`);--> statement-breakpoint
CREATE INDEX `occupation_titles_title` ON `occupation_titles` (`title`);--> statement-breakpoint
CREATE TABLE `onet_education` (
	`run_id` integer NOT NULL,
	`onet_code` text NOT NULL,
	`soc` text NOT NULL,
	`element_id` text NOT NULL,
	`element_name` text,
	`scale_id` text NOT NULL,
	`category` integer NOT NULL,
	`percent` real,
	`n` integer,
	`recommend_suppress` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`run_id`, `onet_code`, `element_id`, `scale_id`, `category`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_education_soc` ON `onet_education` (`soc`);--> statement-breakpoint
CREATE TABLE `onet_education_categories` (
	`run_id` integer NOT NULL,
	`element_id` text NOT NULL,
	`scale_id` text NOT NULL,
	`category` integer NOT NULL,
	`description` text NOT NULL,
	PRIMARY KEY(`run_id`, `element_id`, `scale_id`, `category`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onet_job_zones` (
	`run_id` integer NOT NULL,
	`onet_code` text NOT NULL,
	`soc` text NOT NULL,
	`job_zone` integer NOT NULL,
	`date` text,
	`domain_source` text,
	PRIMARY KEY(`run_id`, `onet_code`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_job_zones_soc` ON `onet_job_zones` (`soc`);--> statement-breakpoint
CREATE TABLE `onet_occupations` (
	`run_id` integer NOT NULL,
	`onet_code` text NOT NULL,
	`soc` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	PRIMARY KEY(`run_id`, `onet_code`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_occupations_soc` ON `onet_occupations` (`soc`);--> statement-breakpoint
CREATE TABLE `onet_related` (
	`run_id` integer NOT NULL,
	`from_onet` text NOT NULL,
	`to_onet` text NOT NULL,
	`from_soc` text NOT NULL,
	`to_soc` text NOT NULL,
	`tier` text NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`run_id`, `from_onet`, `to_onet`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_related_from_soc` ON `onet_related` (`from_soc`);--> statement-breakpoint
CREATE INDEX `onet_related_to_soc` ON `onet_related` (`to_soc`);--> statement-breakpoint
CREATE TABLE `onet_technology_skills` (
	`run_id` integer NOT NULL,
	`onet_code` text NOT NULL,
	`soc` text NOT NULL,
	`example` text NOT NULL,
	`commodity_code` text,
	`commodity_title` text,
	`hot` integer DEFAULT false NOT NULL,
	`in_demand` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_technology_skills_soc` ON `onet_technology_skills` (`soc`);--> statement-breakpoint
CREATE TABLE `pathway_edges` (
	`run_id` integer NOT NULL,
	`from_soc` text NOT NULL,
	`to_soc` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	`area` text,
	PRIMARY KEY(`run_id`, `from_soc`, `to_soc`, `source`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pathway_edges_from` ON `pathway_edges` (`from_soc`);--> statement-breakpoint
CREATE TABLE `postings_counts` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`soc` text NOT NULL,
	`period` text NOT NULL,
	`postings` real NOT NULL,
	`measure` text,
	PRIMARY KEY(`run_id`, `area`, `soc`, `period`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `postings_index` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`series` text NOT NULL,
	`date` text NOT NULL,
	`value` real,
	`basis` text NOT NULL,
	`seasonally_adjusted` integer,
	PRIMARY KEY(`run_id`, `area`, `series`, `date`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `program_completions` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`year` integer NOT NULL,
	`provider` text,
	`program` text NOT NULL,
	`program_type` text,
	`soc` text,
	`cip` text,
	`completers` real NOT NULL,
	`source_line` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `program_completions_area` ON `program_completions` (`area`,`soc`);--> statement-breakpoint
CREATE TABLE `projections` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`soc` text NOT NULL,
	`title` text,
	`occupation_type` text,
	`base_year` integer NOT NULL,
	`projected_year` integer NOT NULL,
	`employment_base` real,
	`employment_projected` real,
	`change` real,
	`change_pct` real,
	`openings` real,
	`openings_status` text,
	`median_wage` real,
	`median_wage_status` text,
	`self_employed_pct` real,
	`entry_education` text,
	`work_experience` text,
	`job_training` text,
	PRIMARY KEY(`run_id`, `area`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `projections_area_soc` ON `projections` (`area`,`soc`);--> statement-breakpoint
CREATE TABLE `soc_definitions` (
	`run_id` integer NOT NULL,
	`soc` text NOT NULL,
	`level` text NOT NULL,
	`title` text NOT NULL,
	`definition` text,
	PRIMARY KEY(`run_id`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
