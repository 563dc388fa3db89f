package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Conversions between the module's values and JDBC's. */
final class Rows {

    private Rows() {}

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Set<PartnerType> types(Array array) throws SQLException {
        Set<PartnerType> types = EnumSet.noneOf(PartnerType.class);
        strings(array).forEach(t -> types.add(PartnerType.valueOf(t)));
        return types;
    }

    static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static Integer integer(java.sql.ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
