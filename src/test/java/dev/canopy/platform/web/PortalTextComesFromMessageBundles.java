package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The portal and the public pages are translatable: every word a partner or a visitor reads comes from a message
 * bundle, and every bundle has every key in every shipped language. The scope is each template under a
 * {@code portal} or {@code public} folder (or named {@code portal-*}) and every fragment those pages include.
 */
class PortalTextComesFromMessageBundles {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final List<String> TRANSLATIONS = List.of("de", "fr");

    private static final Pattern LETTERS = Pattern.compile("\\p{L}");
    /** A string literal inside a Thymeleaf expression. */
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    /**
     * Literals that are not words: part of a message key ('analytics.band.' + …), a field or map key
     * ('companyName'), an enum constant ('SINGLE_CHOICE'), an address ('https://').
     */
    private static final Pattern NOT_WORDS =
            Pattern.compile("[A-Za-z0-9_]*(\\.[A-Za-z0-9_]*)+|[a-z][A-Za-z0-9_]*|[A-Z][A-Z0-9_]+|https?://\\S*");
    /** An included fragment: ~{deals/portal/fragments :: row(…)}. */
    private static final Pattern INCLUDE = Pattern.compile("~\\{\\s*([\\w/-]+)\\s*::\\s*([\\w-]+)");

    private static final Pattern KEY = Pattern.compile("#\\{([\\w.-]+)[}(]");
    private static final Set<String> WORD_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Set<String> PROPER_NAMES = Set.of("Canopy");

    @Test
    void everyWordOfThePortalAndThePublicPagesIsAMessage() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Element> scoped : scope().entrySet()) {
            scoped.getValue().traverse((node, depth) -> {
                if (node instanceof TextNode text && literal(text)) {
                    problems.add(scoped.getKey() + ": text \"" + text.text().strip() + "\"");
                }
                if (node instanceof Element element) {
                    problems.addAll(attributes(scoped.getKey(), element));
                }
            });
        }
        assertThat(problems).as("words in templates instead of message bundles").isEmpty();
    }

    @Test
    void everyPageSaysItsLanguage() {
        List<String> pages = pageTemplates().stream()
                .filter(path -> read(path).contains("<html"))
                .filter(path -> {
                    Element html = parse(path).selectFirst("html");
                    return html == null || !html.hasAttr("th:lang");
                })
                .map(Path::toString)
                .toList();
        assertThat(pages).as("pages whose <html> lacks th:lang").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameExistsInEnglish() {
        Properties english = bundle("");
        Set<String> missing = new TreeSet<>();
        for (Path template : allTemplates()) {
            Matcher keys = KEY.matcher(read(template));
            while (keys.find()) {
                if (!english.containsKey(keys.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() {
        Properties english = bundle("");
        assertThat(english).isNotEmpty();
        for (String language : TRANSLATIONS) {
            Properties translated = bundle("_" + language);
            assertThat(translated.keySet()).as(language).containsExactlyInAnyOrderElementsOf(english.keySet());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(translated.getProperty(key)))
                        .as(language + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void noMessageHasAStraightApostropheThatMessageFormatWouldSwallow() {
        for (String suffix : List.of("", "_de", "_fr")) {
            bundle(suffix)
                    .forEach((key, text) -> assertThat(text.toString())
                            .as(suffix + " " + key + ": write ’ instead of '")
                            .doesNotContain("'"));
        }
    }

    /** Each page template in scope, whole, and each fragment they include, by "template :: fragment". */
    private static Map<String, Element> scope() {
        Map<String, Element> scope = new LinkedHashMap<>();
        Set<String> includes = new LinkedHashSet<>();
        for (Path page : pageTemplates()) {
            String html = read(page);
            scope.put(TEMPLATES.relativize(page).toString(), parse(page).body());
            Matcher include = INCLUDE.matcher(html);
            while (include.find()) {
                includes.add(include.group(1) + " :: " + include.group(2));
            }
        }
        for (String include : includes) {
            String[] parts = include.split(" :: ");
            Path file = TEMPLATES.resolve(parts[0] + ".html");
            Element fragment = parse(file).selectFirst("[th:fragment^=" + parts[1] + "]");
            if (fragment != null && !fragment.tagName().equals("head")) {
                scope.putIfAbsent(include, fragment);
            }
        }
        return scope;
    }

    private static boolean literal(TextNode text) {
        String words = text.text().strip();
        if (!LETTERS.matcher(words).find() || PROPER_NAMES.contains(words)) {
            return false;
        }
        for (Element e = (Element) text.parent(); e != null; e = e.parent()) {
            if (e.tagName().equals("script") || e.tagName().equals("style")) {
                return false;
            }
            if (e.attributes().asList().stream().anyMatch(a -> TEXT_ATTRIBUTES.contains(a.getKey()))) {
                return false;
            }
            if (e.hasAttr("th:fragment")) {
                // A fragment is rendered by reference: the th:replace around it in its own file does not hide it.
                return true;
            }
        }
        return true;
    }

    private static List<String> attributes(String where, Element element) {
        List<String> problems = new ArrayList<>();
        element.attributes().forEach(attribute -> {
            String name = attribute.getKey();
            String value = attribute.getValue();
            if (WORD_ATTRIBUTES.contains(name)
                    && LETTERS.matcher(value).find()
                    && !NOT_WORDS.matcher(value).matches()
                    && !element.hasAttr("th:" + name)
                    && !(name.equals("value") && !element.tagName().equals("button") && !isButtonInput(element))) {
                problems.add(where + ": " + name + "=\"" + value + "\"");
            }
            if (name.startsWith("th:") && !name.equals("th:attr") && wordy(name.substring(3))) {
                literals(value).forEach(words -> problems.add(where + ": " + name + " '" + words + "'"));
            }
            if (name.equals("th:replace") || name.equals("th:insert")) {
                // A page title handed to the layout; field names, ids, test ids and CSS classes pass.
                literals(value).stream()
                        .filter(words -> !words.matches("[a-z][A-Za-z0-9_-]*") && !words.matches("[a-z][a-z0-9 -]*"))
                        .forEach(words -> problems.add(where + ": " + name + " '" + words + "'"));
            }
            if (name.equals("th:attr")) {
                Matcher words = Pattern.compile("(aria-label|title|placeholder|alt)\\s*=\\s*'([^']*\\p{L}[^']*)'")
                        .matcher(value);
                while (words.find()) {
                    problems.add(where + ": th:attr " + words.group(1) + " '" + words.group(2) + "'");
                }
            }
        });
        return problems;
    }

    private static boolean wordy(String attribute) {
        return attribute.equals("text") || attribute.equals("utext") || WORD_ATTRIBUTES.contains(attribute);
    }

    private static boolean isButtonInput(Element element) {
        return element.tagName().equals("input") && Set.of("submit", "button").contains(element.attr("type"));
    }

    /** The literals of an expression that hold words; keys, formats passed to #{…} and punctuation pass. */
    private static List<String> literals(String expression) {
        List<String> words = new ArrayList<>();
        Matcher literal = LITERAL.matcher(expression);
        while (literal.find()) {
            String text = literal.group(1);
            if (LETTERS.matcher(text).find() && !NOT_WORDS.matcher(text).matches()) {
                words.add(text);
            }
        }
        return words;
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> pageTemplates() {
        return allTemplates().stream()
                .filter(path -> {
                    String relative = TEMPLATES.relativize(path).toString();
                    return relative.matches("(.*/)?(portal|public)/.*")
                            || relative.matches("(.*/)?portal(-[^/]*)?\\.html");
                })
                .toList();
    }

    private static List<Path> allTemplates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every module's bundle in one language ("" is English), keys unique across modules. */
    private static Properties bundle(String suffix) {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties"))
                    .toList()) {
                Properties one = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    one.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
                one.stringPropertyNames().forEach(key -> {
                    assertThat(all).as("key " + key + " in two bundles").doesNotContainKey(key);
                    all.setProperty(key, one.getProperty(key));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Document parse(Path path) {
        return Jsoup.parse(read(path), "", Parser.htmlParser());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
