package dev.canopy.enablement;

import org.springframework.core.io.Resource;

/**
 * A file asset's bytes as a response serves them: the name to save it under, its sniffed type, and whether a
 * browser may show it in place (images and video; anything else, SVG included, is always saved, never rendered).
 */
public record Download(String fileName, String contentType, long sizeBytes, Resource content, boolean inline) {}
