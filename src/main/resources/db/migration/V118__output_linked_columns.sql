-- The KPIs read the outputs linked to a scope's events by id (the links come by event): the columns they read, in the
-- index, let each output be looked up from the index alone. Without it PostgreSQL judged a few thousand look-ups in the
-- table dearer than reading the whole table, and scanned every output for one branch's events.
create index output_linked_columns_idx on output (id, author_member_id, kind, published_at, created_at);
