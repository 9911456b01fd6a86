-- db-scheduler's table (its postgresql_tables.sql, with bounded varchar keys so that H2 accepts them in a primary key).
-- One row per task instance; an instance is picked by one scheduler at a time, which makes jobs cluster-safe.
create table scheduled_tasks (
    task_name             varchar(100)  not null,
    task_instance         varchar(250)  not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean       not null,
    picked_by             varchar(250),
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint        not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
