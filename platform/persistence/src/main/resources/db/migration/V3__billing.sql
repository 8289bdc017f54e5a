-- Billing: each tenant's account with the payment provider, the provider's webhook events handled so far,
-- the outbox of billable call usage and the tenant's invoices. Same dialect rules as V1 and V2 (PostgreSQL 15+
-- and H2 2.x in MODE=PostgreSQL): varchar, timestamp with time zone, named constraints, and no partial
-- indexes (H2 has none), so one file stays valid for both. Every table has tenant_id, a foreign key to
-- tenants; TenantPurge deletes a tenant's rows from each of them (its test fails on a table it does not know).

-- One account per tenant (the key is the tenant alone) and per customer. The subscription columns are a copy of
-- the provider's view; grace_ends_at and retained_until drive the dunning and retention jobs.
create table billing_accounts (
    tenant_id                 varchar(64)  not null,
    customer_id               varchar(255) not null,
    subscription_id           varchar(255),
    subscription_item_id      varchar(255),
    price_id                  varchar(255),
    -- the provider's word: trialing, active, past_due, unpaid, canceled ...
    subscription_status       varchar(64),
    seat_quantity             integer      not null,
    current_period_start      timestamp with time zone,
    current_period_end        timestamp with time zone,
    trial_ends_at             timestamp with time zone,
    cancel_at_period_end      boolean      not null,
    grace_ends_at             timestamp with time zone,
    retained_until            timestamp with time zone,
    -- counters that give each checkout session and seat change its own idempotency key
    checkout_attempts         integer      not null,
    seat_changes              bigint       not null,
    duplicate_subscription_id varchar(255),
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    -- the repository recognises both names to report a duplicate-billing-account conflict
    constraint billing_accounts_pk primary key (tenant_id),
    constraint billing_accounts_tenant_fk foreign key (tenant_id) references tenants (id),
    constraint billing_accounts_customer_uk unique (customer_id),
    constraint billing_accounts_counts_ck check (seat_quantity >= 0 and checkout_attempts >= 0 and seat_changes >= 0)
);
-- the jobs: grace periods and retention periods that ended, oldest first
create index billing_accounts_grace_ix on billing_accounts (grace_ends_at, tenant_id);
create index billing_accounts_retained_ix on billing_accounts (retained_until, tenant_id);
-- accounts with a subscription in tenant order (the periodic reconciliation): the index alone says which have one
create index billing_accounts_subscription_ix on billing_accounts (tenant_id, subscription_id);

-- One row per provider event handled, written in the unit of work that applied it. The key is the event id
-- alone: the provider's ids are globally unique, and an event must never be applied twice, whichever tenant
-- it was first attributed to. (So this table, unlike the others, does not lead with tenant_id.)
create table billing_webhook_events (
    event_id      varchar(255)  not null,
    tenant_id     varchar(64)   not null,
    type          varchar(128)  not null,
    created_at    timestamp with time zone not null,
    received_at   timestamp with time zone not null,
    outcome       varchar(500)  not null,
    -- the repository recognises the name to report a duplicate-event conflict (PostgreSQL names it)
    constraint billing_webhook_events_pk primary key (event_id),
    constraint billing_webhook_events_tenant_fk foreign key (tenant_id) references tenants (id)
);
create index billing_webhook_events_tenant_ix on billing_webhook_events (tenant_id, received_at);

-- The outbox of billable usage: a finished call's billable seconds, added with the call, kept until the provider
-- has it (reported_at) or it can never be reported (abandoned, kept for the record). next_attempt_at starts at
-- ended_at and moves on after each failed attempt.
create table billing_usage (
    tenant_id         varchar(64)   not null,
    call_id           varchar(128)  not null,
    ended_at          timestamp with time zone not null,
    billable_seconds  bigint        not null,
    attempts          integer       not null,
    next_attempt_at   timestamp with time zone not null,
    reported_at       timestamp with time zone,
    abandoned         boolean       not null,
    last_error        varchar(2000),
    constraint billing_usage_pk primary key (tenant_id, call_id),
    constraint billing_usage_tenant_fk foreign key (tenant_id) references tenants (id),
    constraint billing_usage_seconds_ck check (billable_seconds > 0 and attempts >= 0)
);
-- the reporter's due work across tenants: unreported, not abandoned, next attempt at or before now
create index billing_usage_due_ix on billing_usage (reported_at, abandoned, next_attempt_at);
-- a tenant's usage in a period
create index billing_usage_ended_ix on billing_usage (tenant_id, ended_at);

-- A tenant's invoices as the provider last reported them (upserted by id); amounts in the currency's minor units.
create table billing_invoices (
    tenant_id           varchar(64)   not null,
    invoice_id          varchar(255)  not null,
    number              varchar(255),
    status              varchar(64)   not null,
    amount_due          bigint        not null,
    amount_paid         bigint        not null,
    currency            varchar(16)   not null,
    created_at          timestamp with time zone not null,
    hosted_invoice_url  varchar(2000),
    pdf_url             varchar(2000),
    constraint billing_invoices_pk primary key (tenant_id, invoice_id),
    constraint billing_invoices_tenant_fk foreign key (tenant_id) references tenants (id)
);
-- listed newest first (created_at desc, invoice_id desc)
create index billing_invoices_created_ix on billing_invoices (tenant_id, created_at, invoice_id);
