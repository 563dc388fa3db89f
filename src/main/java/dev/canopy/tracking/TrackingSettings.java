package dev.canopy.tracking;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.AllowedDomainTable;
import dev.canopy.tracking.internal.CouponTable;
import dev.canopy.tracking.internal.Destinations;
import dev.canopy.tracking.internal.ProgramPolicyTable;
import dev.canopy.tracking.internal.StripeSecretTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a workspace tracks: the domains links may lead to, Stripe's signing secrets, partners' coupon
 * codes and each programme's attribution model. Changed by vendor staff only, every change audited.
 */
@Service
public class TrackingSettings {

    /** A Stripe signing secret as lists show it: never in full after it was saved. */
    public record StripeSecret(UUID id, String masked, Instant createdAt, Instant revokedAt) {}

    public record Coupon(String code, PartnerId partner, ProgramId program, boolean disabled, Instant createdAt) {}

    /** A programme's attribution: window (the programme's own), model and takeover. */
    public record ProgramAttribution(
            ProgramId program, String programName, int windowDays, boolean firstClick, boolean allowTakeover) {}

    private final AllowedDomainTable domains;
    private final StripeSecretTable secrets;
    private final CouponTable coupons;
    private final ProgramPolicyTable policies;
    private final Programs programs;
    private final Memberships memberships;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    TrackingSettings(
            AllowedDomainTable domains,
            StripeSecretTable secrets,
            CouponTable coupons,
            ProgramPolicyTable policies,
            Programs programs,
            Memberships memberships,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.domains = domains;
        this.secrets = secrets;
        this.coupons = coupons;
        this.policies = policies;
        this.programs = programs;
        this.memberships = memberships;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> allowedDomains() {
        return domains.list(currentWorkspace.id());
    }

    /** The allowed domains, for partners choosing where their link leads. */
    @Transactional(readOnly = true)
    public List<String> allowedDomainsForPartners() {
        return domains.list(currentWorkspace.id());
    }

    @Transactional
    public String allowDomain(String raw) {
        String domain = Destinations.checkDomain(raw);
        if (!domains.add(currentWorkspace.id(), domain, clock.instant())) {
            throw new ConflictException("domain", domain + " is allowed already");
        }
        audit.record("tracking.domain.allowed", "domain", domain, null, domain);
        return domain;
    }

    /** Stops new links from using the domain; existing links keep their destination. */
    @Transactional
    public void disallowDomain(String domain) {
        if (!domains.remove(currentWorkspace.id(), domain)) {
            throw new NotFoundException("Allowed domain");
        }
        audit.record("tracking.domain.removed", "domain", domain, domain, null);
    }

    @Transactional(readOnly = true)
    public List<StripeSecret> stripeSecrets() {
        return secrets.list(currentWorkspace.id()).stream()
                .map(s -> new StripeSecret(s.id(), mask(s.secret()), s.createdAt(), s.revokedAt()))
                .toList();
    }

    /** Adds a signing secret from Stripe's dashboard; the old one keeps working until revoked. */
    @Transactional
    public StripeSecret addStripeSecret(String raw) {
        String secret = raw == null ? "" : raw.strip();
        if (!secret.matches("whsec_[A-Za-z0-9+/=_-]{16,200}")) {
            throw new InvalidInputException(
                    "secret", "Paste the endpoint's signing secret from Stripe; it starts with whsec_");
        }
        UUID id = UUID.randomUUID();
        secrets.insert(currentWorkspace.id(), id, secret, clock.instant());
        StripeSecret added = new StripeSecret(id, mask(secret), clock.instant(), null);
        audit.record("tracking.stripe-secret.added", "stripe-secret", id, null, added);
        return added;
    }

    @Transactional
    public void revokeStripeSecret(UUID id) {
        if (!secrets.revoke(currentWorkspace.id(), id, clock.instant())) {
            throw new NotFoundException("Signing secret");
        }
        audit.record("tracking.stripe-secret.revoked", "stripe-secret", id, null, null);
    }

    public List<String> liveStripeSecrets(WorkspaceId workspace) {
        return secrets.live(workspace);
    }

    @Transactional(readOnly = true)
    public List<Coupon> coupons(PartnerId partner) {
        return coupons.list(currentWorkspace.id(), partner).stream()
                .map(c -> new Coupon(c.code(), c.partner(), c.program(), c.disabled(), c.createdAt()))
                .toList();
    }

    /** A coupon code that attributes to the partner in one of its programmes; unique in the workspace. */
    @Transactional
    public Coupon addCoupon(String rawCode, String partnerId, String programId) {
        WorkspaceId workspace = currentWorkspace.id();
        String code = rawCode == null ? "" : rawCode.strip().toUpperCase(Locale.ROOT);
        PartnerId partner = parse("partnerId", partnerId, PartnerId::new);
        InvalidInputException.collect(() -> {
            if (!code.matches("[A-Z0-9][A-Z0-9_-]{2,39}")) {
                throw new InvalidInputException("code", "Use 3 to 40 letters, digits, hyphens or underscores");
            }
        });
        try {
            partners.get(partner);
        } catch (NotFoundException e) {
            throw new InvalidInputException("partnerId", "No such partner in this workspace");
        }
        ProgramId program = memberships.list(null, partner).stream()
                .map(m -> m.programId())
                .filter(p ->
                        p.value().toString().equals(String.valueOf(programId).strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("programId", "Choose one of the partner's programmes"));
        Coupon coupon = new Coupon(code, partner, program, false, clock.instant());
        if (!coupons.insert(workspace, new CouponTable.Row(code, partner, program, false, coupon.createdAt()))) {
            throw new ConflictException("code", "Coupon " + code + " exists already");
        }
        audit.record("tracking.coupon.created", "coupon", code, null, coupon);
        return coupon;
    }

    @Transactional
    public void setCouponDisabled(String code, boolean disabled) {
        WorkspaceId workspace = currentWorkspace.id();
        coupons.find(workspace, code).orElseThrow(() -> new NotFoundException("Coupon"));
        coupons.setDisabled(workspace, code, disabled);
        audit.record(disabled ? "tracking.coupon.disabled" : "tracking.coupon.enabled", "coupon", code, null, null);
    }

    @Transactional(readOnly = true)
    public List<ProgramAttribution> attribution() {
        WorkspaceId workspace = currentWorkspace.id();
        return programs.list().stream()
                .map(p -> {
                    ProgramPolicyTable.Policy policy = policies.of(workspace, p.id());
                    return new ProgramAttribution(
                            p.id(), p.name(), p.attributionWindowDays(), policy.firstClick(), policy.allowTakeover());
                })
                .toList();
    }

    @Transactional
    public ProgramAttribution setAttribution(ProgramId program, boolean firstClick, boolean allowTakeover) {
        WorkspaceId workspace = currentWorkspace.id();
        programs.get(program);
        ProgramPolicyTable.Policy before = policies.of(workspace, program);
        ProgramPolicyTable.Policy after = new ProgramPolicyTable.Policy(firstClick, allowTakeover);
        policies.save(workspace, program, after);
        audit.record("tracking.attribution.changed", "program", program, before, after);
        return attribution().stream()
                .filter(a -> a.program().equals(program))
                .findFirst()
                .orElseThrow();
    }

    private static String mask(String secret) {
        return secret.substring(0, Math.min(10, secret.length())) + "…" + secret.substring(secret.length() - 4);
    }

    private static <T> T parse(String field, String raw, java.util.function.Function<UUID, T> type) {
        try {
            return type.apply(UUID.fromString(String.valueOf(raw).strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose one");
        }
    }
}
