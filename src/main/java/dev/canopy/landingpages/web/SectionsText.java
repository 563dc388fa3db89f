package dev.canopy.landingpages.web;

import dev.canopy.landingpages.Section;
import dev.canopy.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A template's sections as the editor shows them, in one text area: each section starts with a line {@code ## Its
 * heading}, and what follows, up to the next such line, is its body. Text before the first heading is a section
 * without a heading.
 */
final class SectionsText {

    private static final String HEADING = "## ";

    private SectionsText() {}

    static List<Section> parse(String text) {
        List<Section> sections = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sections;
        }
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith(HEADING)) {
                add(sections, heading, body);
                heading = line.substring(HEADING.length()).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        add(sections, heading, body);
        return sections;
    }

    static String format(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section s : sections) {
            if (!s.heading().isEmpty()) {
                text.append(HEADING).append(s.heading()).append("\n\n");
            }
            text.append(s.body()).append("\n\n");
        }
        return text.toString().strip();
    }

    /** The service's problems, those on one section ({@code sections[2].body}) shown beside the text area. */
    static InvalidInputException onTextArea(InvalidInputException e) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> p.field() != null && p.field().startsWith("sections[")
                        ? new InvalidInputException.FieldProblem("sections", section(p.field()) + p.message())
                        : p)
                .toList());
    }

    private static String section(String field) {
        int n = Integer.parseInt(field.substring("sections[".length(), field.indexOf(']')));
        return "Section " + (n + 1) + ": ";
    }

    private static void add(List<Section> sections, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (heading != null || !text.isEmpty()) {
            sections.add(new Section(heading == null ? "" : heading, text));
        }
    }
}
