CREATE TABLE `area_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`note` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `areas` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`state` text,
	`necta` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`year` integer,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'imported' NOT NULL,
	`meta` text,
	`imported_by` text,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_runs_sha256` ON `import_runs` (`sha256`);--> statement-breakpoint
CREATE INDEX `import_runs_source` ON `import_runs` (`source`);--> statement-breakpoint
CREATE TABLE `occupation_crosswalk` (
	`run_id` integer NOT NULL,
	`from_vintage` text NOT NULL,
	`from_code` text NOT NULL,
	`from_title` text,
	`to_vintage` text NOT NULL,
	`to_code` text NOT NULL,
	`to_title` text,
	`note` text,
	PRIMARY KEY(`run_id`, `from_vintage`, `from_code`, `to_vintage`, `to_code`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `occupation_crosswalk_from` ON `occupation_crosswalk` (`from_vintage`,`from_code`);--> statement-breakpoint
CREATE TABLE `occupations` (
	`soc` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`level` text NOT NULL,
	`parent` text,
	`vintage` text DEFAULT '2018' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `occupations_parent` ON `occupations` (`parent`);--> statement-breakpoint
CREATE TABLE `oews_coverage` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`year` integer NOT NULL,
	`rows` integer NOT NULL,
	PRIMARY KEY(`run_id`, `area`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area`) REFERENCES `areas`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oews_coverage_area_year` ON `oews_coverage` (`area`,`year`);--> statement-breakpoint
CREATE TABLE `oews_facts` (
	`run_id` integer NOT NULL,
	`area` text NOT NULL,
	`soc` text NOT NULL,
	`year` integer NOT NULL,
	`o_group` text NOT NULL,
	`employment` real,
	`employment_status` text,
	`employment_prse` real,
	`employment_prse_status` text,
	`jobs_per_1000` real,
	`jobs_per_1000_status` text,
	`lq_published` real,
	`lq_published_status` text,
	`hourly_mean` real,
	`hourly_mean_status` text,
	`annual_mean` real,
	`annual_mean_status` text,
	`mean_prse` real,
	`mean_prse_status` text,
	`hourly_p10` real,
	`hourly_p10_status` text,
	`hourly_p25` real,
	`hourly_p25_status` text,
	`hourly_median` real,
	`hourly_median_status` text,
	`hourly_p75` real,
	`hourly_p75_status` text,
	`hourly_p90` real,
	`hourly_p90_status` text,
	`annual_p10` real,
	`annual_p10_status` text,
	`annual_p25` real,
	`annual_p25_status` text,
	`annual_median` real,
	`annual_median_status` text,
	`annual_p75` real,
	`annual_p75_status` text,
	`annual_p90` real,
	`annual_p90_status` text,
	`annual_only` integer DEFAULT false NOT NULL,
	`hourly_only` integer DEFAULT false NOT NULL,
	`source_line` integer NOT NULL,
	PRIMARY KEY(`run_id`, `area`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area`) REFERENCES `areas`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`soc`) REFERENCES `occupations`(`soc`) ON UPDATE no action ON DELETE no action
);
