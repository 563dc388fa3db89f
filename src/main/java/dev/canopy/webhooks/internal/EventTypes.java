package dev.canopy.webhooks.internal;

import dev.canopy.shared.DomainEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The catalogue of event types an endpoint can listen to: every domain event ({@code docs/events.md}), named as
 * webhooks usually are — the subject's words, a dot, the verb: {@code ConversionAttributed} is {@code
 * conversion.attributed}, {@code PartnerUserJoined} is {@code partner_user.joined}.
 */
@Component
public class EventTypes {

    /**
     * Types whose messages reach an endpoint in the order they were made: each tells a subject's new state, so a
     * later one overtaken by an earlier would leave the receiver with the older state.
     */
    static final Set<String> ORDERED = Set.of(
            "partner_status.changed",
            "tier.changed",
            "commission.moved",
            "payout_run.moved",
            "deal_sourcing.changed",
            "fund_request.moved",
            "fund_claim.moved",
            "landing_page_template.published",
            "landing_page.enabled");

    private final Map<Class<?>, String> names;

    EventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        this.names = scanner.findCandidateComponents("dev.canopy").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, EventTypes.class.getClassLoader()))
                .filter(type -> !type.isInterface())
                .collect(Collectors.toMap(Function.identity(), EventTypes::name));
    }

    /** {@code ConversionAttributed} → {@code conversion.attributed}. */
    static String name(Class<?> event) {
        String[] words = event.getSimpleName().split("(?<=[a-z0-9])(?=[A-Z])");
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            subject.append(i == 0 ? "" : "_").append(words[i].toLowerCase(java.util.Locale.ROOT));
        }
        return subject + "." + words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
    }

    public String of(Class<?> event) {
        return names.getOrDefault(event, name(event));
    }

    public boolean ordered(String type) {
        return ORDERED.contains(type);
    }

    /** Every type, sorted. */
    public List<String> all() {
        return names.values().stream().sorted(Comparator.naturalOrder()).toList();
    }
}
