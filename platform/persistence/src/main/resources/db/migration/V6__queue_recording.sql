-- Call recording per queue: when record_calls is set, the SIP gateway records both directions of each voice call
-- answered from the queue (a stereo WAV, named on the call's record). Same dialect rules as V1-V5 (PostgreSQL 15+
-- and H2 2.x in MODE=PostgreSQL). Off by default, so existing queues keep not recording; adding a column with a
-- constant default rewrites no rows on PostgreSQL 11+.
alter table queues add column record_calls boolean default false not null;
