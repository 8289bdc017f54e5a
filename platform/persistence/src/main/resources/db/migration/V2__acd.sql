-- Contact-center configuration and history: agents, queues, away reasons, the agents' state audit,
-- finished interactions and CRM contacts. Same dialect rules as V1 (PostgreSQL 15+ and H2 2.x in
-- MODE=PostgreSQL): varchar, timestamp with time zone, named constraints. Every table leads with
-- tenant_id (the ORM's tenant discriminator, first in the primary key, a foreign key to tenants).
-- Small collections (skills, queue ids, capacities, custom fields) are JSON text in a varchar: they are
-- read and written with their row and never searched. Phones and emails, which are looked up, get tables.

create table agents (
    tenant_id         varchar(64)  not null,
    agent_id          varchar(64)  not null,
    -- {"billing":3,"german":5}: skill name to level
    skills            varchar(100000) not null,
    -- ["q1","q2"], sorted
    queue_ids         varchar(100000) not null,
    -- {"CHAT":3,"VOICE":1}: channel to how many interactions at once
    max_concurrent    varchar(500) not null,
    sip_username      varchar(128),
    -- HA1 digests; both null when the agent has no SIP password
    sip_digest_md5    varchar(128),
    sip_digest_sha256 varchar(128),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    -- the repository recognises the name to report a duplicate-agent conflict (PostgreSQL names it)
    constraint agents_pk primary key (tenant_id, agent_id),
    constraint agents_tenant_fk foreign key (tenant_id) references tenants (id),
    constraint agents_sip_digest_ck check ((sip_digest_md5 is null) = (sip_digest_sha256 is null))
);
-- registrar lookup; unique per tenant (nulls are distinct: many agents without SIP). The repository
-- recognises the name to report a duplicate-sip-username conflict.
create unique index agents_sip_username_uk on agents (tenant_id, sip_username);

create table queues (
    tenant_id             varchar(64)  not null,
    id                    varchar(64)  not null,
    name                  varchar(200) not null,
    strategy              varchar(32)  not null,
    -- {"billing":3}: skill name to minimum level
    required_skills       varchar(100000) not null,
    priority              integer      not null,
    max_wait_seconds      integer      not null,
    overflow_queue_id     varchar(64),
    wrap_up_seconds       integer      not null,
    service_level_seconds integer      not null,
    offer_timeout_seconds integer      not null,
    relax_after_seconds   integer      not null,
    relax_step            integer      not null,
    constraint queues_pk primary key (tenant_id, id),
    constraint queues_tenant_fk foreign key (tenant_id) references tenants (id),
    -- the repository recognises this name to report a duplicate-queue-name conflict
    constraint queues_tenant_name_uk unique (tenant_id, name)
);

-- Per-tenant settings that are each one small JSON document, by name. 'away-reasons' is the tenant's list
-- of away reasons, [{"code":"break","label":"Break"}, ...] in the admin's order: no row means the tenant
-- never defined one (the defaults apply), '[]' that it wants none. (A table of one row per reason could not
-- tell the two apart; and the ORM's tenant column cannot double as the entity's id, so the name is the id.)
create table tenant_settings (
    tenant_id     varchar(64)    not null,
    name          varchar(64)    not null,
    content       varchar(1000000) not null,
    constraint tenant_settings_pk primary key (tenant_id, name),
    constraint tenant_settings_tenant_fk foreign key (tenant_id) references tenants (id)
);

-- Append-only audit. (batch, idx) is the event batch a change came from and its place in it, so a
-- retried write of the same batch finds its rows and adds nothing.
create table agent_state_changes (
    tenant_id     varchar(64)  not null,
    batch         bigint       not null,
    idx           integer      not null,
    agent_id      varchar(64)  not null,
    from_state    varchar(16)  not null,
    to_state      varchar(16)  not null,
    reason        varchar(200),
    changed_at    timestamp with time zone not null,
    constraint agent_state_changes_pk primary key (tenant_id, batch, idx),
    constraint agent_state_changes_tenant_fk foreign key (tenant_id) references tenants (id)
);
-- an agent's history, newest first (batch and idx break ties in the keyset order)
create index agent_state_changes_agent_ix on agent_state_changes (tenant_id, agent_id, changed_at, batch, idx);

create table interaction_records (
    tenant_id      varchar(64)   not null,
    interaction_id varchar(128)  not null,
    channel        varchar(16)   not null,
    queue_id       varchar(64),
    agent_id       varchar(64),
    final_state    varchar(16)   not null,
    from_address   varchar(320),
    subject        varchar(1000),
    priority       integer       not null,
    created_at     timestamp with time zone not null,
    connected_at   timestamp with time zone,
    ended_at       timestamp with time zone not null,
    disposition    varchar(200),
    notes          varchar(10000),
    contact_id     varchar(64),
    transfers      integer       not null,
    constraint interaction_records_pk primary key (tenant_id, interaction_id),
    constraint interaction_records_tenant_fk foreign key (tenant_id) references tenants (id)
);
-- the history is listed newest first (ended_at desc, interaction_id desc), optionally filtered
create index interaction_records_ended_ix on interaction_records (tenant_id, ended_at, interaction_id);
create index interaction_records_agent_ix on interaction_records (tenant_id, agent_id, ended_at, interaction_id);
create index interaction_records_queue_ix on interaction_records (tenant_id, queue_id, ended_at, interaction_id);
create index interaction_records_contact_ix on interaction_records (tenant_id, contact_id, ended_at, interaction_id);

create table contacts (
    tenant_id      varchar(64)   not null,
    id             varchar(64)   not null,
    name           varchar(200)  not null,
    company        varchar(200),
    -- name and company lower-cased by the application (same rules on every database and collation),
    -- for the case-insensitive substring search
    name_lower     varchar(400)  not null,
    company_lower  varchar(400),
    -- {"account":"A-17"}: the tenant's own fields
    fields         varchar(1000000) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint contacts_pk primary key (tenant_id, id),
    constraint contacts_tenant_fk foreign key (tenant_id) references tenants (id)
);

-- A contact's phone numbers (E.164) in order; indexed for the caller lookup of an incoming call.
create table contact_phones (
    tenant_id      varchar(64)   not null,
    contact_id     varchar(64)   not null,
    idx            integer       not null,
    phone          varchar(64)   not null,
    constraint contact_phones_pk primary key (tenant_id, contact_id, idx),
    constraint contact_phones_contact_fk foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
        on delete cascade
);
create index contact_phones_phone_ix on contact_phones (tenant_id, phone, contact_id);

-- A contact's email addresses (lower case) in order; indexed for the lookup of an incoming email.
create table contact_emails (
    tenant_id      varchar(64)   not null,
    contact_id     varchar(64)   not null,
    idx            integer       not null,
    email          varchar(320)  not null,
    constraint contact_emails_pk primary key (tenant_id, contact_id, idx),
    constraint contact_emails_contact_fk foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
        on delete cascade
);
create index contact_emails_email_ix on contact_emails (tenant_id, email, contact_id);
