package dev.canopy.campaigns;

/** A campaign as one recipient would read it: the subject and the body's HTML with their merge fields filled. */
public record CampaignPreview(String recipient, String subject, String html) {}
