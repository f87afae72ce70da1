package casebird.api.web;

/**
 * HTTP routes a host serves on a plugin's behalf, under the host's own server (which
 * terminates TLS and owns the port), so a plugin can receive callbacks such as webhooks
 * without opening a port of its own. Since host contract 1.1.0.
 */
public interface WebRoutes {

    /**
     * Serves {@code handler} at {@code path} (letters, digits, '-', '_' and '/') under the
     * plugin's own prefix until the returned route is closed.
     *
     * @throws IllegalArgumentException when the path is malformed
     * @throws IllegalStateException when the plugin already serves that path
     */
    WebRoute serve(String path, WebHandler handler);
}
