package dev.canopy.shared;

/**
 * A state change that other modules, and integrations through webhooks, may want to hear about: published
 * after the change, in its transaction. Every one is listed with its fields in {@code docs/events.md}, which
 * a test keeps in step with the code.
 */
public interface DomainEvent {}
