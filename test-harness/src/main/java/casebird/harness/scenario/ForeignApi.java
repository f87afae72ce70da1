package casebird.harness.scenario;

import java.net.URI;
import java.util.Map;

/**
 * An X API other than the world's fake (x.com with a test account, say) that the plugin
 * calls instead, with the plugin settings that reach the bot there.
 *
 * @param baseUrl the plugin's {@code api-base-url}
 * @param settings the plugin settings laid over the scenario's: credentials, bot account
 */
public record ForeignApi(URI baseUrl, Map<String, String> settings) {

    public ForeignApi {
        settings = Map.copyOf(settings);
    }
}
