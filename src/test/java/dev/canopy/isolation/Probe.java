package dev.canopy.isolation;

import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** One request of workspace A's aimed at a record of workspace B's; {@code pattern} is the endpoint it exercises. */
record Probe(String pattern, AbstractMockHttpServletRequestBuilder<?> request) {}
