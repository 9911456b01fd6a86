-- Link previews of outputs that came in by their address alone (submitted, staff, import): the page's title and its
-- og:image, fetched once through the guarded outbound client. preview_state is null until tried, then FETCHED or FAILED.
alter table output add column preview_image varchar(2000);
alter table output add column preview_state varchar(16);
alter table output add column preview_error varchar(500);
create index output_preview_idx on output (preview_state, id);
