package casebird.harness.twitter;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request as the fake API read it: the signed URL, its parameters and its body. */
record ApiRequest(String method, URI signedUrl, Optional<String> authorization,
        List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> form,
        String body) {

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    /** Reads the whole request, so the connection stays usable after the answer. */
    static ApiRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
                .orElse("127.0.0.1:" + exchange.getLocalAddress().getPort());
        URI uri = exchange.getRequestURI();
        URI signedUrl = URI.create("http://" + host + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String contentType = Optional.ofNullable(
                exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        boolean isForm = contentType.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE);
        return new ApiRequest(exchange.getRequestMethod(), signedUrl,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
                FormEncoding.decodeForm(uri.getRawQuery()),
                isForm ? FormEncoding.decodeForm(body) : List.of(), body);
    }

    /** The first value of a query or form parameter. */
    Optional<String> param(String name) {
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(form);
        return all.stream().filter(e -> e.getKey().equals(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The non-empty items of a comma-separated parameter, trimmed, in order. */
    List<String> commaList(String name) {
        List<String> values = new ArrayList<>();
        param(name).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add));
        return values;
    }

    /** A required parameter, or Twitter's 400 code 38 naming it. */
    String requiredParam(String name) {
        return param(name).orElseThrow(
                () -> TwitterApiError.of(400, 38, name + " parameter is missing."));
    }

    /** A required numeric id parameter. */
    long requiredId(String name) {
        String value = requiredParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw TwitterApiError.of(400, 214, name + " must be a number: " + value);
        }
    }
}
