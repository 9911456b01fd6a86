-- Events a community published (planned, starting later), waiting to be announced to its followers. Holds no member
-- data; a row is deleted once its event has started, when announcing it is pointless.
create table follow_published_event (
    event_id         bigint  not null primary key references event (id),
    organization_id  bigint  not null references organization (id),
    community_id     bigint  not null references community (id),
    published_at     timestamp with time zone not null,
    starts_at        timestamp with time zone not null
);
create index follow_published_event_community_idx on follow_published_event (community_id, published_at);
create index follow_published_event_start_idx on follow_published_event (starts_at);

-- Which published event was announced to which member, and when: the key makes an event announced to a member once,
-- and the latest sent_at keeps a member to one announcement email a day. Deleted by erasure.
create table follow_announcement (
    member_id        bigint  not null references member (id),
    event_id         bigint  not null references event (id),
    organization_id  bigint  not null references organization (id),
    sent_at          timestamp with time zone not null,
    primary key (member_id, event_id)
);
create index follow_announcement_sent_idx on follow_announcement (member_id, sent_at);

-- The language the member followed in: their announcement emails are written in it.
alter table community_follow add column locale varchar(35);
