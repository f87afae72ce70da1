package casebird.twitter.oauth;

import casebird.api.web.WebResponse;
import com.google.common.html.HtmlEscapers;
import java.net.URI;
import java.util.Optional;

/**
 * The small HTML pages the admin's browser sees while authorizing the bot. Every text is
 * escaped, none loads anything from elsewhere, and none sends a {@code Referer}: the
 * callback's own URL carries the authorization code.
 */
final class AuthorizePages {

    private static final String HTML = "text/html; charset=utf-8";

    private AuthorizePages() {}

    /**
     * Sends the browser on to X's authorize page. The host contract has no response
     * headers, so this is a page that refreshes to the URL, with a link, not a 302.
     */
    static WebResponse goTo(URI authorizeUrl) {
        String url = escape(authorizeUrl.toString());
        return new WebResponse(200, HTML, "<!DOCTYPE html><html><head>"
                + "<meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\">"
                + "<title>Authorize the bot on X</title></head><body>"
                + "<p><a href=\"" + url + "\">Continue to X to authorize the bot</a></p>"
                + "</body></html>");
    }

    /** A page saying what happened and, when it failed, where to start again. */
    static WebResponse page(int status, String title, String message,
            Optional<URI> startAgain) {
        String again = startAgain.map(u -> "<p><a href=\"" + escape(u.toString())
                + "\">Start again</a></p>").orElse("");
        return new WebResponse(status, HTML, "<!DOCTYPE html><html><head>"
                + "<meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>" + again
                + "</body></html>");
    }

    private static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }
}
