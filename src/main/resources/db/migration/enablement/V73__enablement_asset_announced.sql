-- When an asset was announced to the bells of its audience (AssetPublished): as it was created when live at once,
-- else by the release job once its publish date has come. What was live before this counts as announced.
alter table enablement_asset add column announced_at timestamptz;
update enablement_asset set announced_at = created_at where publish_from is null or publish_from <= now();
create index enablement_asset_unannounced on enablement_asset (publish_from) where announced_at is null;
