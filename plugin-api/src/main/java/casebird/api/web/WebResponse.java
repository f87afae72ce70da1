package casebird.api.web;

/**
 * A plugin's answer to a request.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body, sent as UTF-8
 */
public record WebResponse(int status, String contentType, String body) {

    /** A JSON answer. */
    public static WebResponse json(int status, String json) {
        return new WebResponse(status, "application/json; charset=utf-8", json);
    }

    /** A plain-text answer, e.g. the reason a request was refused. */
    public static WebResponse text(int status, String text) {
        return new WebResponse(status, "text/plain; charset=utf-8", text);
    }
}
