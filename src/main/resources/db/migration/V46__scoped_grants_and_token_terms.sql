-- A role holds in the whole organization (community_id null) or in one community and its branches.
alter table organization_role add column community_id bigint;
alter table organization_role add constraint organization_role_community_fk
    foreign key (community_id) references community (id);

-- Tokens get the same scopes as roles: a role (VIEWER is read-only) and a community, plus an expiry and the time of
-- their last use. An organization token issued before this held the organization's admin role.
alter table api_token add column role varchar(32);
update api_token set role = 'ORGANIZATION_ADMIN' where organization_id is not null;
alter table api_token add column community_id bigint;
alter table api_token add constraint api_token_community_fk foreign key (community_id) references community (id);
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column last_used_at timestamp with time zone;
-- The token FIRSTPIN_BOOTSTRAP_TOKEN stands for: a new value revokes the one before.
alter table api_token add column bootstrap boolean default false not null;
update api_token set bootstrap = true where scope = 'INSTANCE_ADMIN' and name = 'bootstrap';
