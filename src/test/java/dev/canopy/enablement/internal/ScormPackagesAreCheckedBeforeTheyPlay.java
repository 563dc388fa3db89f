package dev.canopy.enablement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.enablement.SamplePackages;
import dev.canopy.enablement.internal.ScormPackage.Limits;
import dev.canopy.enablement.internal.ScormPackage.Manifest;
import dev.canopy.enablement.internal.ScormPackage.Version;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded SCORM package is unpacked only when it is what it says: every entry stays inside the package, its
 * size is counted as it is written, and its manifest names a file it holds. A refusal leaves nothing behind.
 */
class ScormPackagesAreCheckedBeforeTheyPlay {

    private static final long MB = 1024 * 1024;
    private static final Limits LIMITS = new Limits(500 * MB, 10_000, 100);

    @TempDir
    Path dir;

    @Test
    void theSamplesOfBothStandardsUnpackWithTheirTitleAndLaunchFile() throws IOException {
        Manifest scorm12 = unpack(SamplePackages.scorm12("Selling <Q3> & beyond"), "one", LIMITS);
        assertThat(scorm12.version()).isEqualTo(Version.SCORM_12);
        assertThat(scorm12.title()).isEqualTo("Selling <Q3> & beyond");
        assertThat(scorm12.launch()).isEqualTo("content/index.html");
        assertThat(scorm12.files()).isEqualTo(4);
        assertThat(scorm12.bytes()).isEqualTo(bytesIn(dir.resolve("one")));

        Manifest scorm2004 = unpack(SamplePackages.scorm2004("Onboarding"), "two", LIMITS);
        assertThat(scorm2004)
                .isEqualTo(new Manifest(
                        Version.SCORM_2004, "Onboarding", "content/index.html", 4, bytesIn(dir.resolve("two"))));

        // Packages are served with a CSP that forbids inline script: the sample's script is a file of its own.
        String page = Files.readString(dir.resolve("two/content/index.html"));
        assertThat(page).contains("<script src=\"app.js\"></script>").doesNotContain("<script>");
        assertThat(Files.readString(dir.resolve("two/content/app.js"))).contains("API_1484_11", "Terminate(\"\")");
    }

    @Test
    void aPathOutsideThePackageIsRefusedAndNothingIsWrittenAnywhere() throws IOException {
        String absolute = dir.resolve("evil.html").toString();
        for (String name : List.of(
                "../evil.html",
                "/etc/evil",
                absolute,
                "a\\..\\..\\evil",
                "C:/evil",
                "content/../../evil.html",
                "content/evil\u0000.html")) {
            Map<String, byte[]> entries = lesson(manifest("content/index.html"));
            entries.put(name, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
            assertRefused(SamplePackages.zip(entries), LIMITS, "The package holds a path outside itself: ");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(dir.resolve("upload.zip"));
        }
        assertThat(Path.of("/etc/evil")).doesNotExist();
    }

    @Test
    void anEntryThatInflatesAThousandfoldIsAZipBombEvenUnderTheSizeLimit() {
        Map<String, byte[]> entries = lesson(manifest("content/index.html"));
        entries.put("content/big.bin", new byte[(int) (64 * MB)]);
        assertRefused(
                SamplePackages.zip(entries),
                LIMITS,
                "An entry of the package is compressed suspiciously well (zip bomb): content/big.bin");
    }

    @Test
    void aPackageLargerThanTheLimitOrWithTooManyFilesIsRefused() {
        assertRefused(
                SamplePackages.scorm12("Big"),
                new Limits(1_000, 10_000, 100),
                "The package unpacks to more than 1,000 bytes");
        assertRefused(
                SamplePackages.scorm12("Many"), new Limits(500 * MB, 3, 100), "The package holds more than 3 files");
    }

    @Test
    void aPackageWithoutAManifestAtItsRootOrWithOneFileTwiceIsRefused() {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        nested.put("course/imsmanifest.xml", manifest("index.html").getBytes(StandardCharsets.UTF_8));
        nested.put("course/index.html", new byte[] {1});
        assertRefused(SamplePackages.zip(nested), LIMITS, "The package has no imsmanifest.xml at its root");

        Map<String, byte[]> twice = lesson(manifest("content/index.html"));
        twice.put("content/./index.html", new byte[] {2});
        assertRefused(SamplePackages.zip(twice), LIMITS, "The package holds the same file twice: content/./index.html");
    }

    @Test
    void aManifestThatTriesToReadALocalFileIsRefusedWithoutReadingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "canopy-secret-4711");
        // Were the entity resolved, the secret would be the package's title and the package would be taken.
        String xxe = manifest("content/index.html")
                .replace("<title>Test lesson</title>", "<title>&secret;</title>")
                .replace("?>\n", "?>\n<!DOCTYPE manifest [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n");

        assertThatThrownBy(() -> unpack(SamplePackages.zip(lesson(xxe)), "package", LIMITS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems())
                            .singleElement()
                            .isEqualTo(
                                    new InvalidInputException.FieldProblem("file", "imsmanifest.xml is not valid XML"));
                    assertThat(e).hasMessageNotContaining("canopy-secret");
                });
        assertThat(dir.resolve("package")).isEmptyDirectory();
    }

    @Test
    void theLaunchFileMustBeOneThePackageHolds() {
        assertRefused(
                SamplePackages.zip(lesson(manifest("index.html"))),
                LIMITS,
                "imsmanifest.xml launches index.html, which the package does not hold");
        assertRefused(
                SamplePackages.zip(lesson(manifest("content/../../index.html"))),
                LIMITS,
                "imsmanifest.xml launches content/../../index.html, which is outside the package");
        assertRefused(
                SamplePackages.zip(lesson(manifest("content/index.html").replace("identifierref=\"sco\"", ""))),
                LIMITS,
                "imsmanifest.xml names no file to launch");
    }

    @Test
    void theLaunchKeepsItsQueryAndTheVersionFollowsTheNamespacesWithoutASchemaVersion() {
        Manifest withQuery =
                unpack(SamplePackages.zip(lesson(manifest("content/index.html?lang=de#intro"))), "query", LIMITS);
        assertThat(withQuery.launch()).isEqualTo("content/index.html?lang=de");
        assertThat(withQuery.version()).isEqualTo(Version.SCORM_12);

        String scorm2004 = manifest("content/index.html").replace("adlcp_rootv1p2", "adlcp_v1p3");
        assertThat(unpack(SamplePackages.zip(lesson(scorm2004)), "namespaces", LIMITS)
                        .version())
                .isEqualTo(Version.SCORM_2004);
    }

    @Test
    void aFileThatIsNotAZipIsRefused() {
        assertRefused("PK but not really".getBytes(StandardCharsets.UTF_8), LIMITS, "The package is not a zip file");
        assertRefused(new byte[0], LIMITS, "The package is not a zip file");
    }

    /** A SCORM 1.2 manifest without metadata, launching {@code href} (written into the XML as it is). */
    private static String manifest(String href) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="test" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <organizations default="main">
                    <organization identifier="main">
                      <title>Test lesson</title>
                      <item identifier="lesson" identifierref="sco"><title>Lesson</title></item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="%s"/>
                  </resources>
                </manifest>
                """.formatted(href);
    }

    private static Map<String, byte[]> lesson(String manifest) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        entries.put("content/index.html", "<!doctype html><p>Lesson</p>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private Manifest unpack(byte[] zip, String target, Limits limits) {
        try {
            Path upload = Files.write(dir.resolve("upload.zip"), zip);
            return ScormPackage.unpack(upload, dir.resolve(target), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertRefused(byte[] zip, Limits limits, String message) {
        assertThatThrownBy(() -> unpack(zip, "package", limits))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("file");
                            assertThat(problem.message()).startsWith(message);
                        }));
        assertThat(dir.resolve("package")).isEmptyDirectory();
    }

    private static long bytesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
