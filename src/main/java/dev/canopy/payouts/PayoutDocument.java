package dev.canopy.payouts;

/** A file Canopy makes for people to download: a payment file, a statement, an invoice. */
public record PayoutDocument(String fileName, String contentType, byte[] content) {}
