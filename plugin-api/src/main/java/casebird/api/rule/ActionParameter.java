package casebird.api.rule;

import java.util.Optional;

/**
 * One setting of a rule action, as a host's form shows it.
 *
 * @param name the key in the settings map
 * @param label the field's label
 * @param type what kind of field to draw
 * @param required whether a rule must set it
 * @param defaultValue what applies when the rule leaves it out
 * @param help a sentence or two that tells an admin what to enter
 */
public record ActionParameter(
        String name,
        String label,
        Type type,
        boolean required,
        Optional<String> defaultValue,
        String help) {

    /** The kind of form field. */
    public enum Type { TEXT, MULTILINE_TEXT, BOOLEAN, RECIPIENTS }
}
