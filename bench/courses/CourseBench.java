import bench.Bench;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.Upload;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * SCORM import time. The package is what authoring tools export: a manifest, an HTML launch file, scripts and
 * styles (text, which deflates well) and media (random bytes, which do not), {@code --files} files in all, about
 * {@code --package-mb} MB zipped. Each import goes through {@link Courses#addLesson}, as the console's form does.
 */
public final class CourseBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "true");
        }
        int megabytes = Integer.parseInt(options.getOrDefault("package-mb", "50"));
        int files = Integer.parseInt(options.getOrDefault("files", "400"));
        Path work = Files.createTempDirectory("course-bench");
        try (Bench.Canopy canopy = Bench.start(work, false, "--canopy.content.directory=" + work.resolve("files"))) {
            String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            WorkspaceId workspace = canopy.app()
                    .getBean(Workspaces.class)
                    .signUp(new Workspaces.SignUp(
                            "Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                    .workspaceId();
            Path zip = work.resolve("package.zip");
            long unpacked = writePackage(zip, megabytes * 1024L * 1024L, files);
            System.out.printf(
                    "a SCORM 1.2 package of %.1f MB (%d files, %.1f MB unpacked)%n",
                    Files.size(zip) / 1024.0 / 1024.0, files, unpacked / 1024.0 / 1024.0);
            Courses courses = canopy.app().getBean(Courses.class);
            CourseView course = AsSystem.in(
                    workspace,
                    Actor.system(),
                    () -> courses.create(new CourseInput("Bench", "", null, null, null, null, null, null)));
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String title = "Package " + (i + 1);
                long start = System.nanoTime();
                LessonView lesson = AsSystem.in(workspace, Actor.system(), () -> courses.addLesson(
                        course.id(),
                        new LessonInput("SCORM", title, "", null, null, null, null, null, null, null),
                        new Upload() {
                            @Override
                            public String fileName() {
                                return "package.zip";
                            }

                            @Override
                            public InputStream open() throws IOException {
                                return Files.newInputStream(zip);
                            }
                        }));
                double elapsed = (System.nanoTime() - start) / 1e9;
                seconds.add(elapsed);
                System.out.printf("import %d: %.2f s (launches %s)%n", i + 1, elapsed, lesson.scorm().launch());
            }
            System.out.printf("median import: %.2f s%n", Bench.median(seconds));
        }
    }

    /** Writes the package; returns the bytes it unpacks to. */
    private static long writePackage(Path zip, long target, int files) throws IOException {
        Random random = new Random(7);
        long total = 0;
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            total += entry(out, "imsmanifest.xml", manifest().getBytes(StandardCharsets.UTF_8));
            total += entry(
                    out,
                    "story/index.html",
                    "<!doctype html><title>Bench</title><script src=\"app.js\"></script>".getBytes(StandardCharsets.UTF_8));
            int media = files / 4;
            int text = files - media - 2;
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                script.append("function slide").append(i).append("(){return ").append(i).append(";}\n");
            }
            byte[] scriptBytes = script.toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < text; i++) {
                total += entry(out, "story/js/part" + i + ".js", scriptBytes);
            }
            long mediaBytes = Math.max(1, (target - Files.size(zip)) / media);
            byte[] chunk = new byte[(int) Math.min(mediaBytes, Integer.MAX_VALUE)];
            for (int i = 0; i < media; i++) {
                random.nextBytes(chunk);
                total += entry(out, "story/media/clip" + i + ".mp4", chunk);
            }
        }
        return total;
    }

    private static long entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
        return bytes.length;
    }

    private static String manifest() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="bench" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="org"><organization identifier="org"><title>Bench</title>
                    <item identifier="i1" identifierref="r1"><title>Bench</title></item></organization></organizations>
                  <resources><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="story/index.html">
                    <file href="story/index.html"/></resource></resources>
                </manifest>
                """;
    }
}
