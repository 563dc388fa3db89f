-- A workspace's brand on its partner portal, sign-in pages, emails and public pages: the portal's name, a colour
-- and a logo (PNG or JPEG, checked by its bytes, at most 512 KB). No row: Canopy's own look.
create table identity_brand
(
    workspace_id uuid        not null primary key references identity_workspace (id),
    portal_name  text,
    color        text check (color ~ '^#[0-9a-f]{6}$'),
    logo         bytea check (octet_length(logo) <= 524288),
    logo_type    text check (logo_type in ('image/png', 'image/jpeg')),
    updated_at   timestamptz not null,
    check ((logo is null) = (logo_type is null))
);
