package casebird.harness.cli;

import casebird.harness.scenario.ForeignApi;
import casebird.harness.scenario.World;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads {@code serve --twitter-api URL --credentials FILE} and says what it serves. */
final class ForeignApiFile {

    private ForeignApiFile() {}

    /**
     * The API at {@code url} with the plugin settings in the properties file.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     * @throws IOException when the file cannot be read
     */
    static ForeignApi read(URI url, Path file) throws IOException {
        if (!url.isAbsolute() || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw new IllegalArgumentException("--twitter-api must be an http(s) URL like"
                    + " https://api.x.com/, not '" + url + "'");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name ->
                settings.put(name.strip(), properties.getProperty(name).strip()));
        return new ForeignApi(url, settings);
    }

    /** What serve prints: where the plugin calls, which settings it took (never values). */
    static List<String> lines(World world, ForeignApi api, Path file) {
        return List.of("",
                "Serving. The plugin calls the X API at " + api.baseUrl() + " (not the"
                        + " built-in fake), as " + api.settings().getOrDefault("api",
                                world.apiChoice().api().word()) + ".",
                "Settings from " + file + ": " + String.join(", ", api.settings().keySet())
                        + " (values not shown).",
                "DM the bot's account there from the agents' accounts; the CRM users and"
                        + " their handles are the scenario's. Enter prints the plugin's"
                        + " health; Ctrl-C stops.",
                "");
    }
}
