package casebird.api.web;

/** Answers the requests of one route, on a host thread; must be thread-safe. */
@FunctionalInterface
public interface WebHandler {

    /**
     * The answer to one request. A handler that throws gets the host's 500 and the host
     * logs the exception; handlers answer bad requests themselves instead.
     */
    WebResponse handle(WebRequest request);
}
