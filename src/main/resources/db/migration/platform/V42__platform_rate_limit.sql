-- Requests per API key and minute, counted where every node sees them (ADR 21).
create table platform_rate_limit
(
    bucket       text        not null,
    window_start timestamptz not null,
    used         int         not null,
    primary key (bucket, window_start)
);
