package dev.canopy.deals;

/** An account of one side's list. */
public record MappedAccount(String name, String domain, AccountStatus status) {}
