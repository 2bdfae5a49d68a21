CREATE TABLE `living_wages` (
	`area` text PRIMARY KEY NOT NULL,
	`annual_wage` real NOT NULL,
	`source` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
