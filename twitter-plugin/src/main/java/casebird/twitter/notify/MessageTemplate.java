package casebird.twitter.notify;

import casebird.api.rule.RuleEvent;
import casebird.twitter.outbox.DmText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A notice's template: {@code {case.id}}-style placeholders filled from a rule event. */
final class MessageTemplate {

    static final List<String> PLACEHOLDERS = List.of("{case.id}", "{case.title}",
            "{case.status}", "{case.queue}", "{case.owner}", "{actor}", "{event}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}\\s]*}");

    private MessageTemplate() {}

    /** The placeholders in the template that are not among {@link #PLACEHOLDERS}. */
    static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group()) && !unknown.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** The template with every known placeholder filled, cut to one DM's length. */
    static String render(String template, RuleEvent event) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(), event)));
        }
        m.appendTail(out);
        return DmText.fit(out.toString());
    }

    private static String value(String placeholder, RuleEvent e) {
        return switch (placeholder) {
            case "{case.id}" -> Long.toString(e.kase().id());
            case "{case.title}" -> e.kase().title();
            case "{case.status}" -> e.kase().status().word();
            case "{case.queue}" -> orNone(e.kase().queue());
            case "{case.owner}" -> orNone(e.kase().owner());
            case "{actor}" -> e.actor();
            case "{event}" -> e.type().word();
            default -> placeholder;
        };
    }

    private static String orNone(Optional<String> value) {
        return value.orElse("none");
    }
}
