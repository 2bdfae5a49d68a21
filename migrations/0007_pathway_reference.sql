CREATE TABLE `credential_reference` (
	`run_id` integer NOT NULL,
	`credential_id` text NOT NULL,
	`name` text NOT NULL,
	`issuer` text NOT NULL,
	`kind` text NOT NULL,
	`category` text,
	`level` text NOT NULL,
	`soc_codes` text NOT NULL,
	`fee_usd` real,
	`fee_basis` text,
	`fee_as_of` text,
	`typical_prep` text,
	`prerequisites` text,
	`renewal` text,
	`dod_8140` text NOT NULL,
	`source_urls` text NOT NULL,
	`notes` text,
	`source_line` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `funding_reference` (
	`run_id` integer NOT NULL,
	`funding_id` text NOT NULL,
	`name` text NOT NULL,
	`administrator` text NOT NULL,
	`who_qualifies` text NOT NULL,
	`covers` text NOT NULL,
	`typical_max_usd` real,
	`source_urls` text NOT NULL,
	`source_line` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onet_skills` (
	`run_id` integer NOT NULL,
	`onet_code` text NOT NULL,
	`soc` text NOT NULL,
	`element_id` text NOT NULL,
	`element_name` text NOT NULL,
	`scale_id` text NOT NULL,
	`value` real NOT NULL,
	`not_relevant` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onet_skills_soc` ON `onet_skills` (`soc`);