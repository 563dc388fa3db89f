package dev.canopy.programs;

import java.util.List;

/** What the public sees of a programme: its page, its application form and its tiers. */
public record PublicProgram(
        String workspaceName,
        String workspaceSlug,
        ProgramView program,
        List<Question> questions,
        List<TierView> tiers) {}
