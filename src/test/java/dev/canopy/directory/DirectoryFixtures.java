package dev.canopy.directory;

import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Actor;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * A workspace with its directory on and a programme of two tiers, Silver below Gold (which asks for deals, so that
 * nobody is promoted to it by the evaluation), and partners placed at a tier and listed as their admins would.
 */
public class DirectoryFixtures {

    public record Listed(DealFixtures.Member member, String slug) {

        public PartnerId id() {
            return member.id();
        }
    }

    private final Fixtures fixtures;
    private final DealFixtures deals;
    private final Directory directory;
    private final Partners partners;
    private final Memberships memberships;
    private final Tiers tiers;

    public final Fixtures.Tenant tenant;
    public final ProgramView program;
    public final TierView silver;
    public final TierView gold;

    public DirectoryFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.deals = new DealFixtures(context);
        this.directory = context.getBean(Directory.class);
        this.partners = context.getBean(Partners.class);
        this.memberships = context.getBean(Memberships.class);
        this.tiers = context.getBean(Tiers.class);
        this.tenant = fixtures.newWorkspace();
        this.program = deals.program(tenant);
        this.silver = staff(() -> tiers.addTier(program.id(), new TierDraft("Silver", "", Map.of())));
        this.gold =
                staff(() -> tiers.addTier(program.id(), new TierDraft("Gold", "", Map.of(TierMetric.DEALS_WON, "50"))));
        staff(() -> {
            directory.enable(true);
            return null;
        });
    }

    /** An active partner with a portal admin, at {@code tier} (null: in no programme), not listed yet. */
    public DealFixtures.Member partner(@Nullable TierView tier) {
        String email = fixtures.partnerUser(tenant);
        PartnerId id = fixtures.partnerOf(email);
        partners.activateOnFirstJoin(tenant.id(), id, Actor.system());
        if (tier != null) {
            staff(() -> memberships.enrol(program.id(), id, tier.id()));
        }
        return new DealFixtures.Member(id, email);
    }

    /** A partner at {@code tier}, opted in with the profile given. */
    public Listed listed(@Nullable TierView tier, ListingProfile profile) {
        DealFixtures.Member member = partner(tier);
        DirectoryEntry entry = deals.asPartner(member, () -> directory.saveMine(true, profile));
        return new Listed(member, entry.slug());
    }

    public static ListingProfile profile(List<String> services, List<String> industries, List<String> regions) {
        return new ListingProfile("We help.", "example.com", null, services, industries, regions);
    }

    public <T> T asPartner(DealFixtures.Member member, java.util.function.Supplier<T> action) {
        return deals.asPartner(member, action);
    }

    public <T> T staff(java.util.function.Supplier<T> action) {
        return fixtures.as(tenant.owner(), action);
    }
}
