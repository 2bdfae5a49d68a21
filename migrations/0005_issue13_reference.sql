CREATE TABLE `census_occ_codes` (
	`run_id` integer NOT NULL,
	`title` text NOT NULL,
	`code` text NOT NULL,
	`soc` text NOT NULL,
	`source_line` integer NOT NULL,
	PRIMARY KEY(`run_id`, `source_line`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `licensed_occupations` (
	`run_id` integer NOT NULL,
	`soc` text NOT NULL,
	`title` text,
	`credential` text,
	`note` text,
	PRIMARY KEY(`run_id`, `soc`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `poverty_guidelines` (
	`run_id` integer NOT NULL,
	`year` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`first_person` integer NOT NULL,
	`additional_person` integer NOT NULL,
	`source` text,
	PRIMARY KEY(`run_id`, `year`, `jurisdiction`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
