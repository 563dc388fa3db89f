package dev.canopy.enablement;

import dev.canopy.audit.AuditLog;
import dev.canopy.enablement.internal.AssetFields;
import dev.canopy.enablement.internal.AssetInputs;
import dev.canopy.enablement.internal.AssetSearch;
import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.enablement.internal.ContentStore;
import dev.canopy.enablement.internal.FileInspector;
import dev.canopy.enablement.internal.Releases;
import dev.canopy.enablement.internal.UsageTable;
import dev.canopy.enablement.internal.VersionNotices;
import dev.canopy.enablement.internal.Viewers;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.RichText;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The content library: staff add files, links and Markdown, file them and say who may see them; partners find
 * what their audience admits (an asset outside it does not exist for them: 404, in lists, search and downloads
 * alike), and every view and download is counted per partner and person. Files are sniffed and their words
 * extracted on upload ({@link FileInspector}); replacing a file keeps the old versions.
 */
@Service
public class ContentLibrary {

    /** How many assets one list or search shows at most. */
    public static final int LIMIT = 200;

    /**
     * An asset with its counts (for staff) or, for a partner, whether a newer file came since the reader last
     * downloaded it.
     */
    public record Listed(AssetView asset, long views, long downloads, long partners, boolean newVersion) {}

    /** One page of the staff list or of a partner's library. */
    public record Found(List<Listed> assets, List<String> folders, boolean more) {}

    private final AssetTable assets;
    private final AssetSearch search;
    private final UsageTable usage;
    private final ContentStore store;
    private final FileInspector inspector;
    private final AssetInputs inputs;
    private final Viewers viewers;
    private final VersionNotices notices;
    private final Releases releases;
    private final Requirements requirements;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxFileBytes;

    ContentLibrary(
            AssetTable assets,
            AssetSearch search,
            UsageTable usage,
            ContentStore store,
            FileInspector inspector,
            AssetInputs inputs,
            Viewers viewers,
            VersionNotices notices,
            Releases releases,
            Requirements requirements,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock,
            @Value("${canopy.content.max-file-size:200MB}") DataSize maxFileSize) {
        this.assets = assets;
        this.search = search;
        this.usage = usage;
        this.store = store;
        this.inspector = inspector;
        this.inputs = inputs;
        this.viewers = viewers;
        this.notices = notices;
        this.releases = releases;
        this.requirements = requirements;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Staff: the workspace's assets, or a partner: those it may see now; searched by {@code words} (in titles,
     * descriptions, folders, tags and the text inside files) and narrowed to a folder.
     */
    @Transactional(readOnly = true)
    public Found find(@Nullable String words, @Nullable String folder, boolean archived) {
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = clock.instant();
        Optional<Viewer> viewer = viewers.current();
        AssetSearch.Query query = new AssetSearch.Query(words, folder, archived && viewer.isEmpty(), LIMIT + 1);
        List<AssetTable.Row> rows = viewer.isPresent()
                ? search.searchVisible(workspace, query, viewer.get(), now)
                : search.search(workspace, query);
        boolean more = rows.size() > LIMIT;
        List<AssetTable.Row> shown = more ? rows.subList(0, LIMIT) : rows;
        Map<UUID, UsageTable.Totals> totals = viewer.isPresent()
                ? Map.of()
                : usage.totals(workspace, shown.stream().map(AssetTable.Row::id).toList()).stream()
                        .collect(Collectors.toMap(UsageTable.Totals::asset, Function.identity()));
        Map<UUID, Integer> downloaded =
                downloadedVersions(shown.stream().map(AssetTable.Row::id).toList());
        List<Listed> listed = shown.stream()
                .map(row -> {
                    UsageTable.Totals t = totals.get(row.id());
                    return new Listed(
                            row.view(now),
                            t == null ? 0 : t.views(),
                            t == null ? 0 : t.downloads(),
                            t == null ? 0 : t.partners(),
                            newerThan(row.file(), downloaded.get(row.id())));
                })
                .toList();
        List<String> folders =
                viewer.isPresent() ? search.foldersVisible(workspace, viewer.get(), now) : search.folders(workspace);
        return new Found(listed, folders, more);
    }

    /** One asset; for a partner only one it may see now, and its opening is counted as a view. */
    @Transactional
    public AssetView open(UUID id) {
        AssetTable.Row row = row(id);
        if (currentWorkspace.principal().orElse(null) instanceof PartnerScoped partner) {
            count(
                    id,
                    partner,
                    UsageTable.Action.VIEW,
                    row.file() == null ? 0 : row.file().version());
        }
        return row.view(clock.instant());
    }

    /** Whether the signed-in partner user downloaded an earlier version of this file than the current one. */
    @Transactional(readOnly = true)
    public boolean newVersionSinceMyDownload(AssetView asset) {
        return newerThan(asset.file(), downloadedVersions(List.of(asset.id())).get(asset.id()));
    }

    private Map<UUID, Integer> downloadedVersions(List<UUID> ids) {
        if (!(currentWorkspace.principal().orElse(null) instanceof PartnerScoped partner) || ids.isEmpty()) {
            return Map.of();
        }
        return usage.downloadedVersions(
                currentWorkspace.id(),
                new PartnerId(partner.partnerId()),
                viewers.person().id(),
                ids);
    }

    private static boolean newerThan(@Nullable FileVersion file, @Nullable Integer downloaded) {
        return file != null && downloaded != null && downloaded < file.version();
    }

    /** A rich-text asset's body as safe HTML. */
    public String html(AssetView asset) {
        return asset.body() == null ? "" : RichText.forPage(asset.body());
    }

    /** A link or text asset. */
    @Transactional
    public AssetView create(AssetInput input) {
        AssetFields checked = inputs.check(input, null);
        if (checked.kind() == AssetKind.FILE) {
            throw new InvalidInputException("file", "Choose the file to upload");
        }
        return insert(checked, null);
    }

    /** A file asset: the file is stored, sniffed and read for search before anything is written. */
    @Transactional
    public AssetView create(AssetInput input, Upload file) {
        AssetFields checked = inputs.check(input, null);
        return insert(checked, checked.kind() == AssetKind.FILE ? stored(file, 1) : null);
    }

    /** Changes what an asset says, where it is filed and who may see it; a file stays as it is. */
    @Transactional
    public AssetView update(UUID id, AssetInput input) {
        AssetTable.Row before = staffRow(id);
        AssetFields checked = inputs.check(input, before.fields().kind());
        AssetTable.Row after = new AssetTable.Row(
                id, checked, before.file(), before.storageKey(), before.createdAt(), clock.instant(), null);
        assets.update(currentWorkspace.id(), after);
        AssetView view = staffRow(id).view(clock.instant());
        audit.record("content.updated", "asset", id, before.view(clock.instant()), view);
        return view;
    }

    /**
     * A new version of a file asset; the earlier ones stay listed and downloadable by staff, and whoever downloaded
     * one of them is told by email.
     */
    @Transactional
    public AssetView replaceFile(UUID id, @Nullable Upload file) {
        assets.lock(currentWorkspace.id(), id);
        AssetTable.Row before = staffRow(id);
        if (before.fields().kind() != AssetKind.FILE) {
            throw new InvalidInputException("file", "Only a file asset has a file to replace");
        }
        if (file == null) {
            throw new InvalidInputException("file", "Choose the new file");
        }
        StoredFile stored = stored(file, before.file().version() + 1);
        assets.addVersion(currentWorkspace.id(), id, stored.version(), stored.key(), stored.text());
        AssetView after = staffRow(id).view(clock.instant());
        audit.record("content.file_replaced", "asset", id, before.file(), after.file());
        notices.newVersion(currentWorkspace.id(), after);
        return after;
    }

    @Transactional
    public AssetView archive(UUID id) {
        staffRow(id);
        assets.archive(currentWorkspace.id(), id, clock.instant());
        AssetView after = staffRow(id).view(clock.instant());
        audit.record("content.archived", "asset", id, null, after);
        return after;
    }

    @Transactional
    public AssetView restore(UUID id) {
        staffRow(id);
        assets.restore(currentWorkspace.id(), id, clock.instant());
        AssetView after = staffRow(id).view(clock.instant());
        audit.record("content.restored", "asset", id, null, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<FileVersion> versions(UUID id) {
        staffRow(id);
        return assets.versions(currentWorkspace.id(), id);
    }

    /**
     * A file asset's current file (or, for staff, {@code version}); a partner's download is counted. A partner
     * outside the audience, or asking for an old version, gets 404.
     */
    @Transactional
    public Download download(UUID id, @Nullable Integer version) {
        AssetTable.Row row = row(id);
        if (row.fields().kind() != AssetKind.FILE) {
            throw new NotFoundException("File");
        }
        PartnerScoped partner =
                currentWorkspace.principal().orElse(null) instanceof PartnerScoped scoped ? scoped : null;
        if (partner != null) {
            requirements.requireOpen(id);
        }
        FileVersion file = row.file();
        String key = row.storageKey();
        if (version != null && version != file.version()) {
            if (partner != null) {
                throw new NotFoundException("File");
            }
            file = assets.versions(currentWorkspace.id(), id).stream()
                    .filter(v -> v.version() == version)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("File version"));
            key = assets.storageKey(currentWorkspace.id(), id, version);
        }
        if (partner != null) {
            count(id, partner, UsageTable.Action.DOWNLOAD, file.version());
        }
        return new Download(
                file.fileName(),
                file.contentType(),
                file.sizeBytes(),
                store.get(key),
                FileInspector.shownInPlace(file.contentType()));
    }

    /** What the audience fields offer: the workspace's programmes and tiers, types, regions and partners. */
    @Transactional(readOnly = true)
    public AudienceChoices audienceChoices() {
        return inputs.choices();
    }

    private AssetView insert(AssetFields checked, @Nullable StoredFile file) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        AssetTable.Row row = new AssetTable.Row(
                id, checked, file == null ? null : file.version(), file == null ? null : file.key(), now, now, null);
        assets.insert(currentWorkspace.id(), row, "");
        if (file != null) {
            assets.addVersion(currentWorkspace.id(), id, file.version(), file.key(), file.text());
        }
        AssetView view = staffRow(id).view(now);
        audit.record("content.created", "asset", id, null, view);
        releases.asset(currentWorkspace.id(), view);
        return view;
    }

    private record StoredFile(FileVersion version, String key, String text) {}

    /** Stores the upload, then reads what it is; a refused or rolled-back file is removed from the store. */
    private StoredFile stored(Upload file, int version) {
        String name = inputs.fileName(file.fileName());
        ContentStore.Stored stored;
        try (InputStream in = file.open()) {
            stored = store.put(currentWorkspace.id(), in, maxFileBytes);
        } catch (ContentStore.TooLargeException e) {
            throw new InvalidInputException(
                    "file", "Upload at most " + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stored.sizeBytes() == 0) {
            store.delete(stored.key());
            throw new InvalidInputException("file", "The file is empty");
        }
        FileInspector.Inspection inspection;
        try {
            inspection = inspector.inspect(stored.path(), name);
        } catch (RuntimeException e) {
            store.delete(stored.key());
            throw e;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(stored.key());
                }
            }
        });
        FileVersion fileVersion = new FileVersion(
                version,
                name,
                inspection.contentType(),
                stored.sizeBytes(),
                stored.sha256(),
                currentWorkspace.actor().name(),
                clock.instant());
        return new StoredFile(fileVersion, stored.key(), inspection.text());
    }

    /** The asset as its reader may have it: staff any of the workspace's, a partner only one it may see now. */
    private void count(UUID id, PartnerScoped partner, UsageTable.Action action, int version) {
        usage.record(
                currentWorkspace.id(),
                id,
                new PartnerId(partner.partnerId()),
                viewers.person(),
                action,
                version,
                clock.instant());
    }

    private AssetTable.Row row(UUID id) {
        Optional<Viewer> viewer = viewers.current();
        Optional<AssetTable.Row> row = viewer.isPresent()
                ? search.findVisible(currentWorkspace.id(), id, viewer.get(), clock.instant())
                : assets.find(currentWorkspace.id(), id);
        return row.orElseThrow(() -> new NotFoundException("Asset"));
    }

    private AssetTable.Row staffRow(UUID id) {
        return assets.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Asset"));
    }
}
