package dev.canopy.testing;

import dev.canopy.analytics.CertifiedPeople;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certified people as a test says they are, beside what enablement counts, for dashboard tests that need a count
 * without courses behind it. Each test's workspace is its own, so tests never see each other's counts.
 */
public class CertificationsForTests implements CertifiedPeople {

    private final Map<WorkspaceId, Map<PartnerId, Long>> people = new ConcurrentHashMap<>();

    public void certify(WorkspaceId workspace, PartnerId partner, long count) {
        people.computeIfAbsent(workspace, w -> new ConcurrentHashMap<>()).put(partner, count);
    }

    @Override
    public Map<PartnerId, Long> certifiedPeople(WorkspaceId workspace) {
        return Map.copyOf(people.getOrDefault(workspace, Map.of()));
    }
}
