CREATE TABLE `column_mappings` (
	`signature` text PRIMARY KEY NOT NULL,
	`header` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
