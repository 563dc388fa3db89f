package dev.canopy.enablement;

/** What a certification requirement gates: registering deals in a programme, holding one of its tiers, an asset. */
public enum RequirementSubject {
    DEAL_REGISTRATION,
    TIER,
    ASSET
}
