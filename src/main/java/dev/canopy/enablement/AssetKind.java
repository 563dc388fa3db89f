package dev.canopy.enablement;

/** What an asset is: an uploaded file, a link to elsewhere, or a page of Markdown written in Canopy. */
public enum AssetKind {
    FILE("File"),
    LINK("Link"),
    TEXT("Text");

    private final String label;

    AssetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
