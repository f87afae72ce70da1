package casebird.twitter.client.v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The X API v2 payload samples in the test resources ({@code twitter/samples/v2}). */
final class Samples {

    private Samples() {}

    static String v2(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/twitter/samples/v2/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
