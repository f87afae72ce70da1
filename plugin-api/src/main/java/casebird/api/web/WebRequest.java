package casebird.api.web;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to a plugin's route. The body is a stream so that a handler decides how
 * much of it to read; the host closes it after the handler returns.
 *
 * @param method the HTTP method, upper case
 * @param query the decoded query parameters (the first value of each)
 * @param headers the request headers (the first value of each), names in lower case
 * @param body the raw body
 */
public record WebRequest(String method, Map<String, String> query, Map<String, String> headers,
        InputStream body) {

    public WebRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A header's value, by a name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
