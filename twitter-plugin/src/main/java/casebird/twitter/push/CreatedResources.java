package casebird.twitter.push;

import java.util.Set;

/**
 * What the plugin created on X for push, remembered across restarts so that it removes
 * exactly that (and nothing an admin made by hand) when push is turned off or changes mode.
 */
public interface CreatedResources {

    /** The kinds of resources remembered. */
    enum Kind { SUBSCRIPTION, WEBHOOK }

    /** The ids of that kind the plugin created and has not removed. */
    Set<String> ids(Kind kind);

    /** Remembers a resource the plugin created. */
    void created(Kind kind, String id);

    /** Forgets a resource the plugin removed (or found gone). */
    void removed(Kind kind, String id);
}
