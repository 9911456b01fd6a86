-- Nomination (指名) in lottery frames: staff pick applicants who win before the draw (speakers, helpers). Kept on the
-- registration while it waits for the draw; `nominated_by` names the staff account or API token as the audit log does
-- ("account 12", "token 3"), never a person's name or email.
alter table registration add column nominated_by varchar(64);
alter table registration add column nominated_at timestamp with time zone;

-- The draw records who was nominated, in the order they took seats, and by whom (the same order, comma-separated);
-- `applicant_ids` is from now on the shuffle's input: the applicants who were not nominated.
alter table lottery_draw add column nominee_ids varchar(1000000) default '' not null;
alter table lottery_draw add column nominated_by varchar(1000000) default '' not null;
