package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    @Test
    void nestingDeeperThanAnyXAnswerIsRefused() {
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertThrows(IOException.class, () -> parse(deep));
    }

    @Test
    void mistypedMembersReadAsAbsent() throws IOException {
        JsonObject o = parse("{\"id\":7,\"count\":\"7\",\"data\":null,\"big\":9007199254740993}");

        assertEquals(Optional.empty(), o.text("id"));
        assertEquals(OptionalLong.empty(), o.number("count"));
        assertEquals(Optional.empty(), o.object("data"));
        assertEquals(OptionalLong.of(9007199254740993L), o.number("big"));
    }

    @Test
    void anythingButOneObjectIsRefused() {
        assertThrows(IOException.class, () -> parse("[{}]"));
        assertThrows(IOException.class, () -> parse("{} {}"));
        assertThrows(IOException.class, () -> parse("{\"a\":"));
    }

    @Test
    void writtenTextReadsBackExactly() throws IOException {
        String text = "\"quoted\"\n\\ \u0000 \uD83D\uDD25";

        assertEquals(Optional.of(text), parse(JsonObject.write(Map.of("text", text))).text("text"));
    }

    private static JsonObject parse(String json) throws IOException {
        return JsonObject.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
