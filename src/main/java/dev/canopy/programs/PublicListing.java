package dev.canopy.programs;

import java.util.List;

/** A workspace's programmes open for applications, as its public page lists them. */
public record PublicListing(String workspaceName, String workspaceSlug, List<ProgramView> programs) {}
