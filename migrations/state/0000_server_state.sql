CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`upload` text NOT NULL,
	`file` text NOT NULL,
	`path` text NOT NULL,
	`size` integer NOT NULL,
	`request` text NOT NULL,
	`state` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`by` text NOT NULL,
	`owner` text NOT NULL,
	`queued_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`report` text
);
--> statement-breakpoint
CREATE INDEX `import_jobs_state` ON `import_jobs` (`state`,`queued_at`);--> statement-breakpoint
CREATE TABLE `server_processes` (
	`id` text PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`started_at` integer NOT NULL,
	`seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_tag` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
