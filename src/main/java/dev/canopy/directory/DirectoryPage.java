package dev.canopy.directory;

import dev.canopy.partners.PartnerType;
import java.util.List;

/**
 * One workspace's public directory: the listed partners that match the query, best first, and every value each
 * filter offers (taken from all listed partners, so a filter never offers what would show nobody).
 */
public record DirectoryPage(
        String workspaceName,
        String workspaceSlug,
        DirectoryQuery query,
        List<DirectoryEntry> entries,
        Options options) {

    public record Options(
            List<PartnerType> types,
            List<String> regions,
            List<String> industries,
            List<String> services,
            List<String> certifications,
            List<String> tiers) {}
}
