-- The language a partner user chose for the portal (a tag Canopy ships, e.g. "de" or "en-IN"); null until chosen,
-- when the browser's Accept-Language decides.
alter table identity_partner_user add column language text check (language ~ '^[a-z]{2}(-[A-Z]{2})?$');
