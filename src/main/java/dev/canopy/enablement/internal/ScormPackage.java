package dev.canopy.enablement.internal;

import dev.canopy.shared.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded SCORM package (a zip), unpacked only when every entry is safe and its manifest says what to launch.
 * The zip is untrusted: names may point outside the package (zip slip), headers may lie about sizes (zip bomb),
 * and the manifest may try to make the parser read local files (XXE). Everything written is counted as it is
 * written, and a refusal leaves nothing behind.
 */
public final class ScormPackage {

    public enum Version {
        SCORM_12,
        SCORM_2004
    }

    /** What the manifest says: the standard, the package's title, and the file the player opens first (relative to the package root, '/'-separated, query string kept if the href has one). The path is a file's name (percent-escapes decoded, so a player encodes it again for a URL); the query is as the manifest wrote it. */
    public record Manifest(Version version, String title, String launch, int files, long bytes) {}

    public record Limits(long maxBytes, int maxEntries, long maxRatio) {}

    private static final String MANIFEST = "imsmanifest.xml";

    /** Small entries are exempt from the ratio: a 1 MB file of spaces is harmless however well it compresses. */
    private static final long RATIO_EXEMPT_BYTES = 1024 * 1024;

    private ScormPackage() {}

    /** Unpacks {@code zip} into the empty directory {@code target}, checking every entry before it is written; on any refusal nothing stays in target (delete what was written). */
    public static Manifest unpack(Path zip, Path target, Limits limits) {
        Path root = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            try (Stream<Path> existing = Files.list(root)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalArgumentException("The directory to unpack into is not empty: " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Unpacked unpacked = extract(zip, root, limits);
            if (!unpacked.files().contains(root.resolve(MANIFEST))) {
                throw refused("The package has no imsmanifest.xml at its root");
            }
            ImsManifest manifest = ImsManifest.read(root.resolve(MANIFEST));
            return new Manifest(
                    manifest.version(),
                    manifest.title(),
                    launchPath(root, unpacked.files(), manifest.href()),
                    unpacked.files().size(),
                    unpacked.bytes());
        } catch (IOException e) {
            empty(root);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            empty(root);
            throw e;
        }
    }

    private record Unpacked(Set<Path> files, long bytes) {}

    private static Unpacked extract(Path zip, Path root, Limits limits) throws IOException {
        long zipSize = Files.size(zip);
        Set<Path> seen = new HashSet<>();
        Set<Path> files = new HashSet<>();
        Set<Path> folders = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            // The entries the central directory really lists (not the count its end record claims).
            if (file.size() > limits.maxEntries()) {
                throw refused("The package holds more than " + count(limits.maxEntries()) + " files");
            }
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                Path path = inside(root, name);
                if (!seen.add(path)) {
                    throw refused("The package holds the same file twice: " + printable(name));
                }
                // "a" as a file and "a/b" beside it cannot both be written, in either order.
                for (Path up = path.getParent(); !up.equals(root); up = up.getParent()) {
                    folders.add(up);
                    if (files.contains(up)) {
                        throw refused("The package holds a file and a folder of one name: " + printable(name));
                    }
                }
                if (entry.isDirectory()) {
                    folders.add(path);
                    Files.createDirectories(path);
                    continue;
                }
                if (folders.contains(path)) {
                    throw refused("The package holds a file and a folder of one name: " + printable(name));
                }
                Files.createDirectories(path.getParent());
                // From the central directory, which also bounds what the inflater reads; -1 when unknown.
                long compressed = entry.getCompressedSize() > 0 ? Math.min(entry.getCompressedSize(), zipSize) : -1;
                long written = 0;
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        written += read;
                        total += read;
                        if (total > limits.maxBytes()) {
                            throw refused("The package unpacks to more than " + size(limits.maxBytes()));
                        }
                        boolean tooDense = compressed > 0
                                ? written > RATIO_EXEMPT_BYTES && written > times(limits.maxRatio(), compressed)
                                : total > RATIO_EXEMPT_BYTES && total > times(limits.maxRatio(), zipSize);
                        if (tooDense) {
                            throw refused("An entry of the package is compressed suspiciously well (zip bomb): "
                                    + printable(name));
                        }
                        out.write(buffer, 0, read);
                    }
                }
                files.add(path);
            }
        } catch (ZipException | EOFException e) {
            throw refused("The package is not a zip file, or it is damaged");
        }
        return new Unpacked(files, total);
    }

    /** Where {@code name} goes under {@code root}; refused when it is not a plain relative path inside it. */
    private static Path inside(Path root, String name) {
        Path path = safeRelative(name) ? root.resolve(name).normalize() : null;
        if (path == null || !path.startsWith(root) || path.equals(root)) {
            throw refused("The package holds a path outside itself: " + printable(name));
        }
        return path;
    }

    private static boolean safeRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        return Stream.of(name.split("/")).noneMatch(".."::equals);
    }

    private static String relative(Path root, Path path) {
        List<String> parts = new ArrayList<>();
        root.relativize(path).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** The href as a file of the package plus its query; the fragment is the player's business, not a file's. */
    private static String launchPath(Path root, Set<Path> files, String href) {
        String withoutFragment = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        int question = withoutFragment.indexOf('?');
        String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
        String query = question < 0 ? "" : withoutFragment.substring(question);
        Path file;
        try {
            // Percent-encoded names ("my%20page.html") are files with spaces; a literal '+' stays a '+'.
            file = inside(root, URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw refused("imsmanifest.xml launches " + printable(href) + ", which is outside the package");
        }
        if (!files.contains(file)) {
            throw refused("imsmanifest.xml launches " + printable(href) + ", which the package does not hold");
        }
        return relative(root, file) + query;
    }

    private static void empty(Path root) {
        try (Stream<Path> written = Files.walk(root)) {
            for (Path path : written.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(root)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove a refused package from " + root, e);
        }
    }

    private static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes >= mb
                ? count(bytes / mb) + " MB"
                : bytes >= 1024 ? count(bytes / 1024) + " KB" : count(bytes) + " bytes";
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** A name from the zip as it may be shown: control characters replaced, length bounded. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 200 ? shown : shown.substring(0, 200) + "…";
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("file", message);
    }
}
