package dev.canopy.platform.internal;

import java.util.Optional;
import org.slf4j.MDC;

/** The id of the request being answered: in every API response's {@code Request-Id}, its problems and its logs. */
public final class RequestIds {

    /** The key in the logging context; the log pattern prints it. */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {}

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
