package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.push.CreatedResources.Kind;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the plugin created on X for push is remembered across restarts, by kind. */
class StoredPushResourcesTest {

    @TempDir Path dir;

    @Test
    void createdIdsSurviveAReopenUntilRemoved() {
        try (StateStore store = StateStore.open(dir)) {
            store.pushResources().created(Kind.SUBSCRIPTION, "11");
            store.pushResources().created(Kind.SUBSCRIPTION, "12");
            store.pushResources().created(Kind.WEBHOOK, "5");
        }
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(Set.of("11", "12"), store.pushResources().ids(Kind.SUBSCRIPTION));
            store.pushResources().removed(Kind.SUBSCRIPTION, "11");
            store.pushResources().removed(Kind.WEBHOOK, "5");
        }
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(Set.of("12"), store.pushResources().ids(Kind.SUBSCRIPTION));
            assertEquals(Set.of(), store.pushResources().ids(Kind.WEBHOOK));
        }
    }
}
