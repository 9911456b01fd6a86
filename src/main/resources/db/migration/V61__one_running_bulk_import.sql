-- One bulk import queued or running per organization, for every instance alike: while a job is QUEUED or RUNNING its
-- organization's id is here, and the unique key refuses a second; otherwise it is null, and nulls never collide.
alter table history_bulk_job add column running_organization_id bigint;
alter table history_bulk_job add constraint history_bulk_job_one_running unique (running_organization_id);
-- when a running job last moved on; one that stopped moving (its instance died) is failed, freeing its organization
alter table history_bulk_job add column progress_at timestamp with time zone;
