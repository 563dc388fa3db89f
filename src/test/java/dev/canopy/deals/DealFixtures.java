package dev.canopy.deals;

import dev.canopy.identity.security.PartnerUsers;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.testing.Fixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A workspace with a programme and active partners in it, and deals registered through the real services. */
public class DealFixtures {

    /** A partner company of the workspace: its id and the email of its signed-in portal user. */
    public record Member(PartnerId id, String email) {}

    private final Fixtures fixtures;
    private final Programs programs;
    private final Memberships memberships;
    private final Partners partners;
    private final PartnerUsers partnerUsers;
    private final Deals deals;
    private final Clock clock;

    public DealFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.programs = context.getBean(Programs.class);
        this.memberships = context.getBean(Memberships.class);
        this.partners = context.getBean(Partners.class);
        this.partnerUsers = context.getBean(PartnerUsers.class);
        this.deals = context.getBean(Deals.class);
        this.clock = context.getBean(Clock.class);
    }

    public ProgramView program(Fixtures.Tenant tenant) {
        return fixtures.as(
                tenant.owner(),
                () -> programs.create(ProgramFixtures.draft(Fixtures.unique("Resellers"), PartnerType.RESELLER)));
    }

    /** An active partner company with a portal user, member of {@code program}. */
    public Member member(Fixtures.Tenant tenant, ProgramView program) {
        String email = fixtures.partnerUser(tenant);
        PartnerId id = fixtures.partnerOf(email);
        partners.activateOnFirstJoin(tenant.id(), id, Actor.system());
        fixtures.as(tenant.owner(), () -> {
            MembershipView m = memberships.enrol(program.id(), id);
            return m;
        });
        return new Member(id, email);
    }

    public NewDeal deal(ProgramView program, String accountName, String website) {
        return new NewDeal(
                program.id().toString(),
                accountName,
                website,
                "Chris Customer",
                "chris@customer.example",
                "25000",
                "EUR",
                List.of("Cloud Suite", "Support"),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .plusMonths(3)
                        .toString(),
                "Met at a trade fair",
                "Retail");
    }

    public DealView register(Member member, ProgramView program, String accountName, String website) {
        return asPartner(member, () -> deals.register(deal(program, accountName, website)));
    }

    public <T> T asPartner(Member member, Supplier<T> action) {
        UserDetails user = partnerUsers.loadUserByUsername(member.email());
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public <T> T asStaff(Fixtures.Tenant tenant, Supplier<T> action) {
        return fixtures.as(tenant.owner(), action);
    }

    /** MockMvc: the request is made by the member's portal user. */
    public RequestPostProcessor portal(Member member) {
        UserDetails user = partnerUsers.loadUserByUsername(member.email());
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
