package dev.canopy.enablement.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A video link as people copy it from YouTube, Vimeo or Loom, turned into the address of that host's embeddable
 * player (the only framed hosts the pages' CSP allows). YouTube plays from its no-cookie domain.
 */
final class VideoEmbeds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    private VideoEmbeds() {}

    static Optional<String> embed(String link) {
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
        String[] path = uri.getPath() == null
                ? new String[0]
                : uri.getPath().replaceFirst("^/", "").split("/");
        String id = switch (host) {
            case "youtube.com" ->
                path.length >= 2 && (path[0].equals("embed") || path[0].equals("shorts") || path[0].equals("live"))
                        ? path[1]
                        : query(uri, "v");
            case "youtu.be", "youtube-nocookie.com" -> path.length >= 1 ? path[path.length - 1] : null;
            case "vimeo.com", "player.vimeo.com" -> path.length >= 1 ? path[path.length - 1] : null;
            case "loom.com" -> path.length >= 2 ? path[1] : null;
            default -> null;
        };
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (host) {
                    case "vimeo.com", "player.vimeo.com" -> "https://player.vimeo.com/video/" + id;
                    case "loom.com" -> "https://www.loom.com/embed/" + id;
                    default -> "https://www.youtube-nocookie.com/embed/" + id;
                });
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
