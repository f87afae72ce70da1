package casebird.harness.twitter;

import casebird.harness.twitter.v2.AuthorizeRequest;
import casebird.harness.twitter.v2.OAuth2Refusal;
import casebird.harness.twitter.v2.OAuth2Server;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /i/oauth2/authorize}: a page asking which account approves the app; given
 * {@code approve_as=<screen name>} (the page's form, or a test or script directly), it
 * redirects to the registered redirect URI with {@code state} and a fresh {@code code}.
 */
final class AuthorizePage {

    private static final String HTML = "text/html;charset=utf-8";

    private final OAuth2Server oauth2;
    private final AccountRegistry accounts;

    AuthorizePage(OAuth2Server oauth2, AccountRegistry accounts) {
        this.oauth2 = oauth2;
        this.accounts = accounts;
    }

    /** The page, a redirect after approval, or a 400 page saying what is wrong. */
    ApiResponse answer(ApiRequest request) {
        AuthorizeRequest ask = new AuthorizeRequest(value(request, "response_type"),
                value(request, "client_id"), value(request, "redirect_uri"),
                value(request, "scope"), value(request, "state"),
                value(request, "code_challenge"), value(request, "code_challenge_method"));
        try {
            oauth2.check(ask);
        } catch (OAuth2Refusal e) {
            return page(400, "<p>This authorization request is not valid: "
                    + escape(e.getMessage()) + "</p>");
        }
        Optional<String> approver = request.param("approve_as");
        if (approver.isEmpty()) {
            return page(200, form(request));
        }
        Optional<TwitterAccount> account = accounts.byName(approver.get());
        if (account.isEmpty()) {
            return page(400, "<p>No account is named " + escape(approver.get()) + ".</p>");
        }
        String code = oauth2.approve(ask, account.get().id());
        String separator = ask.redirectUri().contains("?") ? "&" : "?";
        String location = ask.redirectUri() + separator + "state="
                + FormEncoding.percentEncode(ask.state()) + "&code="
                + FormEncoding.percentEncode(code);
        return new ApiResponse(302, Map.of("Location", location, "Content-Type", HTML), "");
    }

    /** The approval form: the request's parameters carried along, and the account's name. */
    private static String form(ApiRequest request) {
        String hidden = request.query().stream()
                .map(p -> "<input type=\"hidden\" name=\"" + escape(p.getKey())
                        + "\" value=\"" + escape(p.getValue()) + "\">")
                .collect(Collectors.joining("\n"));
        return "<h1>Authorize app</h1>\n<p>The app asks for: "
                + escape(value(request, "scope")) + "</p>\n"
                + "<form method=\"get\" action=\"/i/oauth2/authorize\">\n" + hidden + "\n"
                + "<label>Approve as account <input name=\"approve_as\"></label>\n"
                + "<button type=\"submit\">Authorize app</button>\n</form>";
    }

    private static ApiResponse page(int status, String content) {
        return new ApiResponse(status, Map.of("Content-Type", HTML),
                "<!doctype html>\n<title>Authorize app</title>\n" + content + "\n");
    }

    private static String value(ApiRequest request, String name) {
        return request.param(name).orElse(null);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
