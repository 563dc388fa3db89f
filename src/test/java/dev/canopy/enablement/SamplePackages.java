package dev.canopy.enablement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real SCORM packages made by the test: a manifest valid for its standard and one SCO at content/index.html that
 * talks to the LMS as authoring tools' output does. Its script is in app.js, never inline, because packages are
 * served with a Content-Security-Policy; a browser test drives it.
 */
public final class SamplePackages {

    private SamplePackages() {}

    /** SCORM 1.2: the launch href names the subfolder itself. */
    public static byte[] scorm12(String title) {
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="canopy.sample.scorm12" version="1"
                    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
                http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
                http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
                  <metadata>
                    <schema>ADL SCORM</schema>
                    <schemaversion>1.2</schemaversion>
                  </metadata>
                  <organizations default="organization">
                    <organization identifier="organization">
                      <title>%1$s</title>
                      <item identifier="lesson" identifierref="sco" isvisible="true">
                        <title>%1$s</title>
                      </item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="content/index.html">
                      <file href="content/index.html"/>
                      <file href="content/style.css"/>
                      <file href="content/app.js"/>
                    </resource>
                  </resources>
                </manifest>
                """.formatted(escaped(title));
        return zip(files(manifest, title, SCORM_12_JS));
    }

    /** SCORM 2004 4th edition: the launch href is relative to the resources' xml:base. */
    public static byte[] scorm2004(String title) {
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="canopy.sample.scorm2004" version="1"
                    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
                    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
                    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
                    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd \
                http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd \
                http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd \
                http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd \
                http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
                  <metadata>
                    <schema>ADL SCORM</schema>
                    <schemaversion>2004 4th Edition</schemaversion>
                  </metadata>
                  <organizations default="organization">
                    <organization identifier="organization">
                      <title>%1$s</title>
                      <item identifier="lesson" identifierref="sco">
                        <title>%1$s</title>
                      </item>
                    </organization>
                  </organizations>
                  <resources xml:base="content/">
                    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="index.html">
                      <file href="index.html"/>
                      <file href="style.css"/>
                      <file href="app.js"/>
                    </resource>
                  </resources>
                </manifest>
                """.formatted(escaped(title));
        return zip(files(manifest, title, SCORM_2004_JS));
    }

    /** A zip of these entries in this order, names taken as they are ("../x" too); a name ending in "/" is a folder. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> files(String manifest, String title, String script) {
        String page = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%1$s</title>
                  <link rel="stylesheet" href="style.css">
                  <script src="app.js"></script>
                </head>
                <body>
                  <h1>%1$s</h1>
                  <p id="learner"></p>
                  <p id="status"></p>
                  <button id="finish" type="button">Finish the lesson</button>
                  <p id="error"></p>
                </body>
                </html>
                """.formatted(escaped(title));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", utf8(manifest));
        files.put("content/", new byte[0]);
        files.put("content/index.html", utf8(page));
        files.put("content/style.css", utf8("body { font-family: sans-serif; margin: 2rem; }\n"));
        files.put("content/app.js", utf8(FIND_API + script));
        return files;
    }

    /** Where every SCORM runtime is looked for: a window above this one, or the one that opened it. */
    private static final String FIND_API = """
            function findApi(name) {
              var starts = [window, window.opener];
              for (var s = 0; s < starts.length; s++) {
                var win = starts[s];
                for (var depth = 0; win && depth <= 10; depth++) {
                  try {
                    if (win[name]) return win[name];
                  } catch (e) {
                    // A window of another origin cannot be read; keep climbing.
                  }
                  if (win.parent === win) break;
                  win = win.parent;
                }
              }
              return null;
            }
            """;

    private static final String SCORM_12_JS = """
            window.addEventListener("load", function () {
              var api = findApi("API");
              var status = document.getElementById("status");
              if (!api) {
                status.textContent = "No LMS API found";
                return;
              }
              api.LMSInitialize("");
              document.getElementById("learner").textContent = api.LMSGetValue("cmi.core.student_name");
              status.textContent = api.LMSGetValue("cmi.core.lesson_status");
              document.getElementById("finish").addEventListener("click", function () {
                api.LMSSetValue("cmi.core.score.raw", "85");
                api.LMSSetValue("cmi.core.score.min", "0");
                api.LMSSetValue("cmi.core.score.max", "100");
                api.LMSSetValue("cmi.core.lesson_status", "passed");
                api.LMSSetValue("cmi.core.session_time", "0000:01:30.00");
                api.LMSCommit("");
                api.LMSFinish("");
                status.textContent = "Finished";
                document.getElementById("error").textContent = api.LMSGetLastError();
              });
            });
            """;

    private static final String SCORM_2004_JS = """
            window.addEventListener("load", function () {
              var api = findApi("API_1484_11");
              var status = document.getElementById("status");
              if (!api) {
                status.textContent = "No LMS API found";
                return;
              }
              api.Initialize("");
              document.getElementById("learner").textContent = api.GetValue("cmi.learner_name");
              status.textContent = api.GetValue("cmi.completion_status");
              document.getElementById("finish").addEventListener("click", function () {
                api.SetValue("cmi.score.scaled", "0.9");
                api.SetValue("cmi.score.raw", "90");
                api.SetValue("cmi.score.min", "0");
                api.SetValue("cmi.score.max", "100");
                api.SetValue("cmi.completion_status", "completed");
                api.SetValue("cmi.success_status", "passed");
                api.SetValue("cmi.session_time", "PT1M30S");
                api.Commit("");
                api.Terminate("");
                status.textContent = "Finished";
                document.getElementById("error").textContent = api.GetLastError();
              });
            });
            """;

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
