package dev.canopy.archfixtures.violations.shared;

import org.springframework.http.HttpStatus;

/** Violates: a shared value type that depends on Spring. */
public record FrameworkInShared(HttpStatus status) {}
