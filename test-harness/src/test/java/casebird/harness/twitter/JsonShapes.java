package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/** Sample JSON files and their shapes: every field path to a non-object value, typed. */
final class JsonShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonShapes() {
    }

    /** A sample from the test resources, e.g. {@code /twitter/samples/x.json}. */
    static JsonNode sample(String resource) throws IOException {
        try (InputStream in = JsonShapes.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    /** Every field path to a non-object value, with its JSON type (arrays not entered). */
    static Map<String, JsonNodeType> shape(JsonNode node) {
        Map<String, JsonNodeType> paths = new TreeMap<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNodeType> paths) {
        node.properties().forEach(field -> {
            String path = prefix + field.getKey();
            if (field.getValue().isObject()) {
                collect(path + ".", field.getValue(), paths);
            } else {
                paths.put(path, field.getValue().getNodeType());
            }
        });
    }

    /** Ours holds every field path of the sample, each with the sample's JSON type. */
    static void assertHasShapeOf(JsonNode sample, JsonNode ours) {
        Map<String, JsonNodeType> mine = shape(ours);
        shape(sample).forEach((path, type) ->
                assertEquals(type, mine.get(path), path + " in " + ours));
    }
}
