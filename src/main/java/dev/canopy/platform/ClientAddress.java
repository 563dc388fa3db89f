package dev.canopy.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's address, anonymized before it is stored: the last IPv4 octet and all but the first three
 * IPv6 groups are dropped. Enough to tell networks apart, not enough to identify a person.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return anonymize(request.getRemoteAddr());
        }
        return null;
    }

    public static String anonymize(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        if (address.contains(":")) {
            String[] groups = address.split(":", -1);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < Math.min(3, groups.length); i++) {
                kept.append(groups[i].isEmpty() ? "0" : groups[i]).append(':');
            }
            return kept.append(':').toString();
        }
        int lastDot = address.lastIndexOf('.');
        return lastDot < 0 ? null : address.substring(0, lastDot) + ".0";
    }
}
