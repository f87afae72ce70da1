package casebird.twitter.client.v2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON object of an X API answer, read with Jackson's streaming parser under bounds (X's
 * answers nest a few levels; anything deeper or larger is not X talking), with the few typed
 * reads the adapter needs: absent or mistyped members read as empty.
 */
record JsonObject(Map<String, Object> members) {

    private static final Object NULL = new Object();
    private static final int MAX_DEPTH = 32;
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_BYTES)
                    .maxStringLength(MAX_BYTES)
                    .build())
            .build();

    /**
     * Reads a JSON document whose top level is an object.
     *
     * @throws IOException when the bytes are not such a document or exceed the bounds
     */
    static JsonObject parse(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            JsonObject object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new IOException("data after the JSON object");
            }
            return object;
        }
    }

    /**
     * An object whose members are strings, lists of strings or objects written the same way
     * (maps), as request bodies need.
     */
    static String write(Map<String, ?> members) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, members);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                generator.writeFieldName(member.getKey().toString());
                writeValue(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    /** The member as a boolean. */
    Optional<Boolean> flag(String name) {
        return members.get(name) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The member as a string (X writes ids as strings). */
    Optional<String> text(String name) {
        return members.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The member as a whole number. */
    OptionalLong number(String name) {
        Object value = members.get(name);
        return value instanceof Integer || value instanceof Long
                ? OptionalLong.of(((Number) value).longValue()) : OptionalLong.empty();
    }

    /** The member as an object. */
    Optional<JsonObject> object(String name) {
        return members.get(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /** The objects of an array member, skipping any element that is not an object. */
    List<JsonObject> objects(String name) {
        return list(name).stream()
                .filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    /** The strings of an array member, skipping any element that is not a string. */
    List<String> texts(String name) {
        return list(name).stream()
                .filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private List<?> list(String name) {
        return members.get(name) instanceof List<?> l ? l : List.of();
    }

    private static JsonObject readObject(JsonParser parser) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.put(name, readValue(parser));
        }
        return new JsonObject(members);
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("JSON ends early");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(readValue(parser));
        }
        return values;
    }
}
