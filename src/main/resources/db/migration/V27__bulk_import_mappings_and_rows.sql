-- The column mapping a generic file of a bulk import is read with, fixed when the job starts (given with the file, or
-- remembered for its header in the community).
alter table history_bulk_file add column mapping varchar(20000);

-- The rows of the file being imported once it is read, for the progress ("file 3 of 12: registrations, 40,000 rows").
alter table history_bulk_job add column file_rows integer;

-- Prepared jobs never started are deleted after a while, by age.
create index history_bulk_job_created_idx on history_bulk_job (state, created_at);
