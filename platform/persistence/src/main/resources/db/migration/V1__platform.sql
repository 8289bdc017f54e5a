-- Platform schema: tenants and their users and credentials, plus cluster-wide secrets.
-- Runs unchanged on PostgreSQL 15+ and on H2 2.x in MODE=PostgreSQL, so keep to the common dialect:
-- varchar (H2 maps text to a CLOB), timestamp with time zone, named constraints.
-- Every tenant-owned table leads with tenant_id: it is the ORM's tenant discriminator, the first
-- column of the primary key (so per-tenant keyset pages read one index range), and a foreign key.

create table tenants (
    id            varchar(64)  not null,
    company_name  varchar(200) not null,
    status        varchar(32)  not null,
    seats_leased  integer      not null,
    plan          varchar(64)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint tenants_pk primary key (id),
    constraint tenants_seats_ck check (seats_leased >= 0)
);

create table users (
    tenant_id     varchar(64)  not null,
    id            varchar(64)  not null,
    email         varchar(320) not null,
    name          varchar(200) not null,
    password_hash varchar(512) not null,
    -- role names joined with ',' (e.g. 'ADMIN,AGENT'): three fixed values do not need a join table
    roles         varchar(200) not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint users_pk primary key (tenant_id, id),
    constraint users_tenant_fk foreign key (tenant_id) references tenants (id),
    -- the repository recognises this name to report a duplicate-email conflict
    constraint users_tenant_email_uk unique (tenant_id, email)
);
-- sign-in looks an email up before it knows the tenant
create index users_email_ix on users (email);

create table api_keys (
    tenant_id     varchar(64)  not null,
    id            varchar(64)  not null,
    name          varchar(200) not null,
    key_hash      varchar(256) not null,
    roles         varchar(200) not null,
    created_by    varchar(64)  not null,
    created_at    timestamp with time zone not null,
    constraint api_keys_pk primary key (tenant_id, id),
    constraint api_keys_tenant_fk foreign key (tenant_id) references tenants (id)
);

create table refresh_tokens (
    tenant_id     varchar(64)  not null,
    id            varchar(64)  not null,
    user_id       varchar(64)  not null,
    family_id     varchar(64)  not null,
    token_hash    varchar(256) not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    constraint refresh_tokens_pk primary key (tenant_id, id),
    constraint refresh_tokens_tenant_fk foreign key (tenant_id) references tenants (id)
);
create index refresh_tokens_family_ix on refresh_tokens (tenant_id, family_id);
create index refresh_tokens_user_ix on refresh_tokens (tenant_id, user_id);
create index refresh_tokens_expiry_ix on refresh_tokens (tenant_id, expires_at);

-- Not tenant scoped: secrets every cluster member shares (the access-token signing key).
create table cluster_secrets (
    name          varchar(100)  not null,
    secret        varchar(4096) not null,
    created_at    timestamp with time zone not null,
    constraint cluster_secrets_pk primary key (name)
);
