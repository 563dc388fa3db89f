package dev.canopy.enablement.internal;

import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Viewer;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An {@link Audience} as the tables that guard something by one keep it (assets, courses): six columns, written
 * and read here, and the SQL rule that admits a viewer, the same as {@link Audience#admits} (a property test holds
 * the two equal).
 */
public final class AudienceColumns {

    /** The columns, named as in every table that has them. */
    public static final String NAMES = "audience_match, program_ids, tier_ids, partner_types, regions, partner_ids";

    /** The parameters the columns are written from, in {@link #NAMES}' order. */
    public static final String VALUES = ":match, :programIds, :tierIds, :partnerTypes, :regionList, :partnerIds";

    private AudienceColumns() {}

    /**
     * The audience in the row aliased {@code t} admits the viewer (:partner, :programs, :tiers, :types, :regions,
     * as {@link #viewer} binds them).
     */
    public static String admits(String t) {
        String criteria = "cardinality(t.program_ids) + cardinality(t.tier_ids) + cardinality(t.partner_types)"
                + " + cardinality(t.regions)";
        return ("""
                (:partner = any (t.partner_ids)
                 or (%1$s = 0 and cardinality(t.partner_ids) = 0)
                 or (t.audience_match = 'ALL' and %1$s > 0
                     and (cardinality(t.program_ids) = 0 or t.program_ids && :programs::uuid[])
                     and (cardinality(t.tier_ids) = 0 or t.tier_ids && :tiers::uuid[])
                     and (cardinality(t.partner_types) = 0 or t.partner_types && :types::text[])
                     and (cardinality(t.regions) = 0 or t.regions && :regions::text[]))
                 or (t.audience_match = 'ANY'
                     and (t.program_ids && :programs::uuid[] or t.tier_ids && :tiers::uuid[]
                          or t.partner_types && :types::text[] or t.regions && :regions::text[])))
                """).formatted(criteria).replace("t.", t + ".");
    }

    /** The viewer's parameters for {@link #admits}, with :now. */
    public static Map<String, Object> viewer(Viewer viewer, Instant now) {
        return Map.of(
                "partner", viewer.partner().value(),
                "programs", viewer.programs().toArray(UUID[]::new),
                "tiers", viewer.tiers().toArray(UUID[]::new),
                "types", viewer.types().stream().map(Enum::name).toArray(String[]::new),
                "regions", viewer.regions().toArray(String[]::new),
                "now", Timestamp.from(now));
    }

    /** The parameters of {@link #VALUES}, sorted so that an unchanged audience writes the same arrays. */
    public static Map<String, Object> values(Audience audience) {
        Map<String, Object> values = new HashMap<>();
        values.put("match", audience.match().name());
        values.put("programIds", audience.programs().stream().sorted().toArray(UUID[]::new));
        values.put("tierIds", audience.tiers().stream().sorted().toArray(UUID[]::new));
        values.put(
                "partnerTypes",
                audience.types().stream().map(Enum::name).sorted().toArray(String[]::new));
        values.put("regionList", audience.regions().stream().sorted().toArray(String[]::new));
        values.put(
                "partnerIds",
                audience.partners().stream().map(PartnerId::value).sorted().toArray(UUID[]::new));
        return values;
    }

    public static Audience read(ResultSet rs) throws SQLException {
        return new Audience(
                Audience.Match.valueOf(rs.getString("audience_match")),
                Arrays.stream(uuids(rs.getArray("program_ids"))).collect(Collectors.toSet()),
                Arrays.stream(uuids(rs.getArray("tier_ids"))).collect(Collectors.toSet()),
                Arrays.stream(strings(rs.getArray("partner_types")))
                        .map(PartnerType::valueOf)
                        .collect(Collectors.toSet()),
                Arrays.stream(strings(rs.getArray("regions"))).collect(Collectors.toSet()),
                Arrays.stream(uuids(rs.getArray("partner_ids")))
                        .map(PartnerId::new)
                        .collect(Collectors.toSet()));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }
}
