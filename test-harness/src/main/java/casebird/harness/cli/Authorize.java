package casebird.harness.cli;

import casebird.harness.twitter.OAuth2Authorizer;
import casebird.harness.twitter.v2.Pkce;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code authorize} command: X's OAuth 2.0 PKCE flow, ending in the bot's refresh token. */
@Command(name = "authorize", description = {
    "authorize the X app as the bot with OAuth 2.0 (PKCE): prints the",
    "URL to open, waits for X's redirect to --redirect, checks the",
    "account and prints the refresh token for oauth2-refresh-token"})
final class Authorize implements Callable<Integer> {

    /** Where the client secret is read from when no file is named. */
    static final String SECRET_VARIABLE = "CASEBIRD_CLIENT_SECRET";

    private final PrintStream out;
    private final PrintStream err;
    private final UnaryOperator<String> environment;
    private final Random random;

    @Spec
    private CommandSpec spec;

    @Option(names = "--client-id", required = true, paramLabel = "ID",
            description = "the app's OAuth 2.0 client id")
    private String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = {
        "a file holding the app's OAuth 2.0 client secret",
        "(default: the environment variable " + SECRET_VARIABLE + ")"})
    private Path secretFile;

    @Option(names = "--bot-account", required = true, paramLabel = "NAME",
            description = "the bot's screen name: any other account is refused")
    private String botAccount;

    @Option(names = "--redirect", required = true, paramLabel = "URL", description = {
        "the redirect URI registered in the app, on this",
        "machine, e.g. http://127.0.0.1:8765/callback"})
    private URI redirect;

    @Option(names = "--authorize-url", paramLabel = "URL",
            description = {"X's authorize page", "(default: ${DEFAULT-VALUE})"})
    private URI authorizeUrl = URI.create("https://x.com/i/oauth2/authorize");

    @Option(names = "--token-url", paramLabel = "URL", description = {
        "X's token endpoint; /2/users/me is asked on the same",
        "server (default: ${DEFAULT-VALUE})"})
    private URI tokenUrl = URI.create("https://api.x.com/2/oauth2/token");

    @Option(names = "--scopes", paramLabel = "SCOPES", description = {
        "the scopes to ask for, space-separated; default:",
        "${DEFAULT-VALUE}"})
    private String scopes = OAuth2Authorizer.BOT_SCOPES;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "how long to wait for the redirect (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds = 300;

    Authorize(HarnessMain main, UnaryOperator<String> environment, Random random) {
        this.out = main.out();
        this.err = main.err();
        this.environment = environment;
        this.random = random;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String secret = clientSecret();
        String bot = botAccount.startsWith("@") ? botAccount.substring(1) : botAccount;
        try (LoopbackRedirect listener = listen()) {
            String state = randomToken(16);
            String verifier = randomToken(48);
            out.println("Open this URL in a browser signed in to X as @" + bot
                    + " and authorize the app:");
            out.println(authorizeUrl + "?" + query(state, verifier));
            out.println("Waiting up to " + timeoutSeconds + "s for X to send the browser back"
                    + " to " + redirect + " ...");
            String code = codeOf(listener.await(Duration.ofSeconds(timeoutSeconds)), state);
            OAuth2CodeClient client = new OAuth2CodeClient(tokenUrl, clientId, secret);
            OAuth2CodeClient.Tokens tokens = client.redeem(code, redirect, verifier);
            String account = client.username(tokens.accessToken());
            if (!account.equalsIgnoreCase(bot)) {
                throw new AuthorizationFailedException("X authorized the app as @" + account
                        + ", not the bot @" + bot + ": sign in to X as @" + bot
                        + " and run authorize again (no token is printed for @" + account + ")");
            }
            out.println("Authorized the app as @" + bot + ". Put this line in the plugin's"
                    + " settings (a seed: it works once, then the plugin keeps the tokens):");
            out.println("oauth2-refresh-token=" + tokens.refreshToken());
            return HarnessMain.OK;
        } catch (AuthorizationFailedException e) {
            err.println("authorize failed: " + e.getMessage());
            return HarnessMain.FAILED;
        } catch (IOException e) {
            err.println("authorize failed: X could not be reached: " + e);
            return HarnessMain.FAILED;
        }
    }

    private LoopbackRedirect listen() throws IOException, AuthorizationFailedException {
        try {
            return LoopbackRedirect.listen(redirect);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (BindException e) {
            throw new AuthorizationFailedException("cannot listen on 127.0.0.1:"
                    + redirect.getPort() + " for the redirect: " + e.getMessage());
        }
    }

    /** The query of the authorize URL: S256 challenge of the verifier, this run's state. */
    private String query(String state, String verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirect.toString());
        params.put("scope", scopes);
        params.put("state", state);
        params.put("code_challenge", Pkce.challengeOf(verifier));
        params.put("code_challenge_method", "S256");
        return params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    /** The redirect's code, if it answers this run's request and X granted one. */
    private static String codeOf(Map<String, String> back, String state)
            throws AuthorizationFailedException {
        if (back.containsKey("error")) {
            throw new AuthorizationFailedException("X answered error=" + back.get("error")
                    + " " + back.getOrDefault("error_description", ""));
        }
        if (!state.equals(back.get("state"))) {
            throw new AuthorizationFailedException("the redirect's state is not this run's:"
                    + " it answers another authorization request, so its code was not used");
        }
        String code = back.getOrDefault("code", "");
        if (code.isEmpty()) {
            throw new AuthorizationFailedException("the redirect carries no code");
        }
        return code;
    }

    /**
     * The client secret from {@code --client-secret-file} or the environment.
     *
     * @throws ParameterException when neither holds one
     */
    private String clientSecret() throws IOException {
        String secret;
        try {
            secret = secretFile != null ? Files.readString(secretFile)
                    : environment.apply(SECRET_VARIABLE);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--client-secret-file: no such"
                    + " file " + secretFile);
        }
        if (secret == null || secret.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the client secret is missing:"
                    + " name a file holding it with --client-secret-file, or set "
                    + SECRET_VARIABLE);
        }
        return secret.strip();
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
