package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.RewardType;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a programme's details valid; every field at fault is reported at once. */
public final class ProgramRules {

    public static final int DEFAULT_ATTRIBUTION_WINDOW_DAYS = 90;
    public static final int DEFAULT_HOLD_PERIOD_DAYS = 30;
    public static final int DEFAULT_REAPPLY_AFTER_DAYS = 90;
    public static final int DEFAULT_DEMOTION_GRACE_DAYS = 90;

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");

    private ProgramRules() {}

    /** The checked details, ready to store. */
    public record Details(
            String name,
            String slug,
            Set<PartnerType> partnerTypes,
            String valueProposition,
            RewardType rewardType,
            BigDecimal rewardRateMin,
            BigDecimal rewardRateMax,
            String rewardBasis,
            String currency,
            String coMarketing,
            String training,
            int attributionWindowDays,
            int holdPeriodDays,
            int reapplyAfterDays,
            int demotionGraceDays,
            boolean acceptingApplications) {}

    public static Details check(ProgramDraft draft) {
        String[] name = new String[1];
        String[] slug = new String[1];
        String[] valueProposition = new String[1];
        String[] basis = new String[1];
        String[] currency = new String[1];
        String[] coMarketing = new String[1];
        String[] training = new String[1];
        RewardType[] rewardType = new RewardType[1];
        BigDecimal[] rate = new BigDecimal[2];
        int[] days = new int[4];
        @SuppressWarnings("unchecked")
        Set<PartnerType>[] types = new Set[1];
        InvalidInputException.collect(
                () -> name[0] = Fields.required("name", draft.name(), 80),
                () -> slug[0] = slug(draft.slug(), draft.name()),
                () -> {
                    types[0] = PartnerType.parseAll("partnerTypes", draft.partnerTypes());
                    if (types[0].isEmpty()) {
                        throw new InvalidInputException("partnerTypes", "Choose at least one partner type");
                    }
                },
                () -> valueProposition[0] = Fields.required("valueProposition", draft.valueProposition(), 4000),
                () -> rewardType[0] = rewardType(draft.rewardType()),
                () -> rate[0] = rate("rewardRateMin", draft.rewardRateMin()),
                () -> {
                    rate[1] = draft.rewardRateMax() == null
                                    || draft.rewardRateMax().isBlank()
                            ? null
                            : rate("rewardRateMax", draft.rewardRateMax());
                    BigDecimal min = parsedOrNull(draft.rewardRateMin());
                    if (rate[1] != null && min != null && rate[1].compareTo(min) < 0) {
                        throw new InvalidInputException("rewardRateMax", "Use a rate at least the lowest rate");
                    }
                },
                () -> basis[0] = Fields.required("rewardBasis", draft.rewardBasis(), 120),
                () -> currency[0] = currency(draft.currency()),
                () -> coMarketing[0] = Fields.optional("coMarketing", draft.coMarketing(), 2000),
                () -> training[0] = Fields.optional("training", draft.training(), 2000),
                () -> days[0] = Fields.wholeNumber(
                        "attributionWindowDays",
                        draft.attributionWindowDays(),
                        1,
                        730,
                        DEFAULT_ATTRIBUTION_WINDOW_DAYS),
                () -> days[1] =
                        Fields.wholeNumber("holdPeriodDays", draft.holdPeriodDays(), 0, 365, DEFAULT_HOLD_PERIOD_DAYS),
                () -> days[2] = Fields.wholeNumber(
                        "reapplyAfterDays", draft.reapplyAfterDays(), 0, 730, DEFAULT_REAPPLY_AFTER_DAYS),
                () -> days[3] = Fields.wholeNumber(
                        "demotionGraceDays", draft.demotionGraceDays(), 0, 730, DEFAULT_DEMOTION_GRACE_DAYS));
        return new Details(
                name[0],
                slug[0],
                types[0],
                valueProposition[0],
                rewardType[0],
                rate[0],
                rate[1] == null ? rate[0] : rate[1],
                basis[0],
                currency[0],
                coMarketing[0],
                training[0],
                days[0],
                days[1],
                days[2],
                days[3],
                draft.acceptingApplications());
    }

    /** The slug as given, or made from the name when blank: "Reseller Programme" becomes reseller-programme. */
    static String slug(String slug, String name) {
        String candidate = slug == null || slug.isBlank() ? fromName(name) : slug.strip();
        if (!SLUG.matcher(candidate).matches()) {
            throw new InvalidInputException(
                    "slug", "Use 1 to 60 lower-case letters, digits and hyphens, not starting or ending with a hyphen");
        }
        return candidate;
    }

    private static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return ascii.length() > 60 ? ascii.substring(0, 60).replaceAll("-+$", "") : ascii;
    }

    private static RewardType rewardType(String value) {
        try {
            return RewardType.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rewardType", "Choose commission or margin");
        }
    }

    private static BigDecimal rate(String field, String value) {
        BigDecimal rate = Fields.decimal(field, value, 2);
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException(field, "Use a percentage above 0 and at most 100");
        }
        return rate;
    }

    private static BigDecimal parsedOrNull(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String currency(String value) {
        return Money.currency(value, "currency").getCurrencyCode();
    }
}
