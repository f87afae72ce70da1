package casebird.harness.twitter;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The Twitter v1.1 endpoints the fake serves, each named by its scenario word. */
public enum Endpoint {
    DM_LIST("dm-list", "direct_messages/events/list.json", "GET"),
    DM_SHOW("dm-show", "direct_messages/events/show.json", "GET"),
    DM_SEND("dm-send", "direct_messages/events/new.json", "POST"),
    DM_DESTROY("dm-destroy", "direct_messages/events/destroy.json", "DELETE"),
    USERS_LOOKUP("users-lookup", "users/lookup.json", "GET", "POST"),
    USERS_SHOW("users-show", "users/show.json", "GET"),
    VERIFY_CREDENTIALS("verify-credentials", "account/verify_credentials.json", "GET");

    private final String word;
    private final String path;
    private final Set<String> methods;

    Endpoint(String word, String path, String... methods) {
        this.word = word;
        this.path = path;
        this.methods = Set.of(methods);
    }

    /** The scenario word for this endpoint, e.g. {@code dm-list}. */
    public String word() {
        return word;
    }

    /** The path of this endpoint relative to the API base URL. */
    public String path() {
        return path;
    }

    /** The endpoint named by a scenario word, if any. */
    public static Optional<Endpoint> fromWord(String word) {
        return Arrays.stream(values()).filter(e -> e.word.equals(word)).findFirst();
    }

    /** The endpoint serving an HTTP method on a path relative to the base URL, if any. */
    static Optional<Endpoint> route(String method, String relativePath) {
        return Arrays.stream(values())
                .filter(e -> e.path.equals(relativePath) && e.methods.contains(method))
                .findFirst();
    }
}
