package dev.canopy.landingpages.internal;

import dev.canopy.landingpages.Section;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A template as typed, checked: every problem at once, each on its field ({@code sections[1].body}). */
public final class TemplateChecks {

    public static final int MAX_SECTIONS = 12;

    /** A template that passed its checks. */
    public record Checked(String name, String headline, List<Section> sections, String ctaLabel) {}

    private TemplateChecks() {}

    public static Checked check(TemplateInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = LandingText.check("name", input.name(), 120, true, problems);
        String headline = LandingText.check("headline", input.headline(), 200, true, problems);
        String cta = LandingText.check("ctaLabel", input.ctaLabel(), 60, true, problems);
        List<Section> raw = input.sections() == null ? List.of() : input.sections();
        if (raw.size() > MAX_SECTIONS) {
            problems.put("sections", "Use at most " + MAX_SECTIONS + " sections");
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < raw.size() && i < MAX_SECTIONS; i++) {
            Section s = raw.get(i);
            String at = "sections[" + i + "]";
            if (s == null) {
                problems.put(at, "Give the section a heading or a body");
                continue;
            }
            String heading = LandingText.check(at + ".heading", s.heading(), 200, false, problems);
            String body = LandingText.check(at + ".body", s.body(), 10_000, false, problems);
            if (heading == null
                    && body == null
                    && !problems.containsKey(at + ".heading")
                    && !problems.containsKey(at + ".body")) {
                problems.put(at, "Give the section a heading or a body");
                continue;
            }
            sections.add(new Section(heading == null ? "" : heading, body == null ? "" : body));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Checked(name, headline, List.copyOf(sections), cta);
    }
}
