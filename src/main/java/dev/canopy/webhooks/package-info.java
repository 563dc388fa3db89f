/**
 * Outbound webhooks: the workspace's endpoints, each domain event turned into a message in the transaction that
 * made it (an outbox), and its signed delivery (Standard Webhooks) by whichever node claims it first, retried on
 * Svix's schedule, never to a private or loopback address. ADR 22.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {"shared", "platform", "identity", "audit"})
package dev.canopy.webhooks;
