package dev.canopy.communications;

/** An announcement as the signed-in partner user sees it, and whether they have opened it. */
public record MyAnnouncement(AnnouncementView announcement, boolean read) {}
