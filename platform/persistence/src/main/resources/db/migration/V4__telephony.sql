-- Telephony: the tenants' SIP trunks (carriers and PBXs) and phone numbers. Same dialect rules as V1-V3
-- (PostgreSQL 15+ and H2 2.x in MODE=PostgreSQL): varchar, timestamp with time zone, named constraints. Both tables
-- lead with tenant_id (first in the primary key, a foreign key to tenants); TenantPurge deletes from both.

create table trunks (
    tenant_id                varchar(64)  not null,
    id                       varchar(64)  not null,
    name                     varchar(200) not null,
    -- CARRIER or PBX
    kind                     varchar(16)  not null,
    host                     varchar(253) not null,
    port                     integer      not null,
    -- UDP, TCP or TLS
    transport                varchar(8)   not null,
    username                 varchar(128),
    -- Stored in clear: the gateway answers the carrier's digest challenge with it (a later hardening can encrypt
    -- it). The API never returns it.
    password                 varchar(128),
    -- HA1 = H(username ":" tenant id ":" password), for inbound digest authentication from a PBX
    digest_md5               varchar(128),
    digest_sha256            varchar(128),
    register_to_carrier      boolean      not null,
    register_expires_seconds integer      not null,
    -- ["203.0.113.0/24","2001:db8::1"] in the admin's order: at most 50 entries
    allowed_ips              varchar(10000) not null,
    -- ["sip2.carrier.example:5080"] in the order they are tried
    failover_hosts           varchar(10000) not null,
    caller_id                varchar(16),
    max_channels             integer      not null,
    enabled                  boolean      not null,
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    constraint trunks_pk primary key (tenant_id, id),
    constraint trunks_tenant_fk foreign key (tenant_id) references tenants (id),
    -- the repository recognises this name to report a duplicate-trunk-name conflict
    constraint trunks_tenant_name_uk unique (tenant_id, name),
    constraint trunks_credentials_ck check ((username is null) = (password is null)
        and (digest_md5 is null) = (password is null) and (digest_sha256 is null) = (password is null)),
    constraint trunks_ranges_ck check (port between 1 and 65535 and max_channels >= 1
        and register_expires_seconds >= 1)
);

-- A number belongs to one tenant at most: e164 is unique across all tenants (numbers_e164_uk, which is also the
-- index of the gateway's lookup for every inbound call). Its trunk and its target queue are the same tenant's (the
-- composite foreign keys), so neither can be deleted while the number names it. IVR flows arrive with their own
-- migration; target_ivr_flow_id gets its foreign key then.
create table numbers (
    tenant_id          varchar(64)  not null,
    id                 varchar(64)  not null,
    e164               varchar(16)  not null,
    name               varchar(200),
    trunk_id           varchar(64),
    -- QUEUE or IVR
    target_type        varchar(16)  not null,
    target_queue_id    varchar(64),
    target_ivr_flow_id varchar(64),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint numbers_pk primary key (tenant_id, id),
    constraint numbers_tenant_fk foreign key (tenant_id) references tenants (id),
    -- the repository recognises these names: number-taken, trunk-in-use / unknown trunk, queue-in-use / unknown queue
    constraint numbers_e164_uk unique (e164),
    constraint numbers_trunk_fk foreign key (tenant_id, trunk_id) references trunks (tenant_id, id),
    constraint numbers_queue_fk foreign key (tenant_id, target_queue_id) references queues (tenant_id, id),
    constraint numbers_target_ck check (
        (target_type = 'QUEUE' and target_queue_id is not null and target_ivr_flow_id is null)
        or (target_type = 'IVR' and target_ivr_flow_id is not null and target_queue_id is null))
);
-- the foreign keys' look-ups when a trunk or queue is deleted
create index numbers_trunk_ix on numbers (tenant_id, trunk_id);
create index numbers_queue_ix on numbers (tenant_id, target_queue_id);
