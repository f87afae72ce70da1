package casebird.twitter.config;

import java.util.List;

/** The plugin's settings cannot be used; {@link #problems()} names each bad setting. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    /** Creates the exception from one readable sentence per bad setting. */
    public InvalidSettingsException(List<String> problems) {
        super("invalid plugin settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One readable sentence per bad setting, each naming the setting. */
    public List<String> problems() {
        return problems;
    }
}
