package casebird.harness.host;

import casebird.api.rule.ActionParameter;
import casebird.api.rule.RuleAction;
import casebird.api.rule.RuleEvent;
import casebird.api.rule.ValidationProblem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A rule action that records each run as "event-id:label" and requires a "label" setting. */
class RecordingAction implements RuleAction {

    final List<String> runs = new CopyOnWriteArrayList<>();
    private final String typeId;

    RecordingAction(String typeId) {
        this.typeId = typeId;
    }

    @Override
    public String typeId() {
        return typeId;
    }

    @Override
    public String displayName() {
        return "Record";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of();
    }

    @Override
    public List<ValidationProblem> validate(Map<String, String> settings) {
        return settings.containsKey("label") ? List.of()
                : List.of(new ValidationProblem("label", "is required"));
    }

    @Override
    public void execute(RuleEvent event, Map<String, String> settings) {
        if (settings.get("label").equals("boom")) {
            throw new IllegalStateException("boom on " + event.eventId());
        }
        runs.add(event.eventId() + ":" + settings.get("label"));
    }
}
