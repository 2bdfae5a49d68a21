ALTER TABLE `oews_coverage` ADD `occ_groups` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Runs imported before groups were recorded supply every group they hold.
UPDATE `oews_coverage` SET `occ_groups` = coalesce((SELECT group_concat(DISTINCT substr(f.`soc`, 1, 2)) FROM `oews_facts` f WHERE f.`run_id` = `oews_coverage`.`run_id` AND f.`area` = `oews_coverage`.`area`), '');
