-- How each partner user hears of each kind of notification; a kind without a row takes the default (e-mail).

create table communications_preference
(
    workspace_id    uuid        not null references identity_workspace (id),
    partner_user_id uuid        not null references identity_partner_user (id) on delete cascade,
    kind            text        not null check (kind in ('DEALS', 'COMMISSIONS', 'PAYOUTS', 'CONTENT', 'TRAINING',
                                                         'ANNOUNCEMENTS')),
    delivery        text        not null check (delivery in ('IN_APP', 'EMAIL', 'DAILY_DIGEST')),
    updated_at      timestamptz not null,
    primary key (partner_user_id, kind)
);
