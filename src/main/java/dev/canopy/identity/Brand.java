package dev.canopy.identity;

import org.jspecify.annotations.Nullable;

/**
 * How a workspace shows itself to its partners: the partner portal's name, its colour (white text on it reads at
 * WCAG AA contrast) and whether it has a logo, served at {@link #logoPath()}.
 */
public record Brand(String workspaceName, String slug, String portalName, String color, boolean hasLogo, long version) {

    /** Canopy's own green, for workspaces that have not chosen a colour. */
    public static final String CANOPY_GREEN = "#1f7a4d";

    /** The logo's address; {@code version} changes with every new logo, so browsers may keep each for long. */
    public @Nullable String logoPath() {
        return hasLogo ? "/brand/" + slug + "/logo?v=" + version : null;
    }

    /** The colour a shade darker, for hover and pressed buttons. */
    public String darker() {
        int rgb = Integer.parseInt(color.substring(1), 16);
        int r = (rgb >> 16 & 255) * 4 / 5;
        int g = (rgb >> 8 & 255) * 4 / 5;
        int b = (rgb & 255) * 4 / 5;
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** The colour as "r, g, b", for Bootstrap's rgba() variables. */
    public String rgb() {
        int rgb = Integer.parseInt(color.substring(1), 16);
        return (rgb >> 16 & 255) + ", " + (rgb >> 8 & 255) + ", " + (rgb & 255);
    }
}
