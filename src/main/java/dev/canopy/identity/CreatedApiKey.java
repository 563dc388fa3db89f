package dev.canopy.identity;

/** A new key and its secret, which exists only in this value: it is stored hashed. */
public record CreatedApiKey(ApiKeyView key, String secret) {}
