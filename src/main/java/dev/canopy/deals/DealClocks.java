package dev.canopy.deals;

/** How many business days (Monday to Friday, workspace time zone) staff and partners have to respond. */
public record DealClocks(int reviewBusinessDays, int leadBusinessDays) {}
