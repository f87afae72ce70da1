package casebird.api.rule;

import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * An action that admins add to rules of the host's rule manager.
 *
 * <p>The host draws the admin's form from {@link #parameters()}, calls {@link #validate}
 * when a rule is saved, and calls {@link #execute} on the rule engine's thread each time
 * the rule fires.
 */
public interface RuleAction extends ExtensionPoint {

    /** A stable id that rules store, e.g. {@code twitter.send-dm}. */
    String typeId();

    /** The name admins see, e.g. "Send Twitter DM". */
    String displayName();

    /** The settings this action takes, in the order a form shows them. */
    List<ActionParameter> parameters();

    /** The problems with these settings, each readable by an admin; empty when valid. */
    List<ValidationProblem> validate(Map<String, String> settings);

    /**
     * Runs the action for one event with the rule's settings.
     *
     * <p>Runs on the rule engine's thread: it must not wait on the network, only record
     * what is to be done and return.
     *
     * @throws IllegalStateException when the plugin that owns the action is not running
     */
    void execute(RuleEvent event, Map<String, String> settings);
}
