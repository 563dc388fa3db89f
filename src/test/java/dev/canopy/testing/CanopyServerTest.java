package dev.canopy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link CanopyTest}, but with the real server on a random port (for browsers and HTTP clients);
 * links in emails point at that port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "canopy.base-url=http://localhost:${local.server.port}")
@ActiveProfiles("test")
@Import(TestSupport.class)
@ExtendWith(LedgerInvariant.class)
public @interface CanopyServerTest {}
