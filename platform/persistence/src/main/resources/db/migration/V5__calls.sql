-- Call detail records: one row per finished call, written by the gateway (idempotently: the key is the call's id
-- within its tenant). Same dialect rules as V1-V4. No foreign key to numbers, trunks or queues: a record outlives
-- the configuration it names. TenantPurge deletes the tenant's rows.
create table call_records (
    tenant_id      varchar(64)   not null,
    id             varchar(64)   not null,
    -- INBOUND or OUTBOUND
    direction      varchar(16)   not null,
    -- the caller and the called party as the gateway saw them (E.164, a SIP URI, "anonymous")
    from_address   varchar(320)  not null,
    to_address     varchar(320)  not null,
    number_id      varchar(64),
    trunk_id       varchar(64),
    queue_id       varchar(64),
    agent_id       varchar(64),
    interaction_id varchar(128),
    started_at     timestamp with time zone not null,
    -- when an agent was connected; null when nobody was
    answered_at    timestamp with time zone,
    ended_at       timestamp with time zone not null,
    wait_seconds   bigint        not null,
    talk_seconds   bigint        not null,
    hold_seconds   bigint        not null,
    -- ANSWERED, ABANDONED, NO_ANSWER, BUSY, FAILED, REFUSED
    disposition    varchar(16)   not null,
    -- CALLER, AGENT, SYSTEM
    hangup_side    varchar(16)   not null,
    sip_cause      integer       not null,
    -- the recording's file name in the tenant's recordings directory, or null
    recording      varchar(200),
    constraint call_records_pk primary key (tenant_id, id),
    constraint call_records_tenant_fk foreign key (tenant_id) references tenants (id),
    constraint call_records_seconds_ck check (wait_seconds >= 0 and talk_seconds >= 0 and hold_seconds >= 0)
);
-- listed newest first (started_at desc, id desc), optionally filtered by agent or queue
create index call_records_started_ix on call_records (tenant_id, started_at desc, id desc);
create index call_records_agent_ix on call_records (tenant_id, agent_id, started_at desc, id desc);
create index call_records_queue_ix on call_records (tenant_id, queue_id, started_at desc, id desc);
