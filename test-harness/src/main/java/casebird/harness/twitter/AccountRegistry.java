package casebird.harness.twitter;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fake's Twitter accounts, found by id, by current screen name or by access token; an
 * account may hold several tokens (one per app instance acting for it), each revocable.
 */
final class AccountRegistry {

    private static final long FIRST_ID = 1_000_000L;

    private record Entry(TwitterAccount account, Instant createdAt) {
    }

    private record Credential(long id, String secret) {
    }

    private final Clock clock;
    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, Long> idByName = new HashMap<>();
    private final Map<String, Credential> byToken = new HashMap<>();
    private final Set<Long> refusingDms = new HashSet<>();
    private final Set<Long> refusingGroups = new HashSet<>();
    private final Consumer<TwitterChange> log;
    private long nextId = FIRST_ID;

    /** A registry that hands every change to {@code log} before it can be seen. */
    AccountRegistry(Clock clock, Consumer<TwitterChange> log) {
        this.clock = clock;
        this.log = log;
    }

    synchronized TwitterAccount create(String screenName) {
        while (byId.containsKey(nextId)) {
            nextId++;
        }
        return create(screenName, nextId++);
    }

    synchronized TwitterAccount create(String screenName, long id) {
        TwitterAccount.checkScreenName(screenName);
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("account id already taken: " + id);
        }
        checkNameFree(screenName);
        TwitterChange.Account change = new TwitterChange.Account(id, screenName,
                newToken(id), RandomTokens.next(45), clock.instant().toString());
        log.accept(change);
        restore(change);
        return byId.get(id).account();
    }

    /** Issues another access token for the account, as another authorization of the app. */
    synchronized TwitterAccount issueToken(long id) {
        TwitterAccount account = byId(id).orElseThrow(
                () -> new IllegalArgumentException("no account with id " + id));
        TwitterChange.Token change = new TwitterChange.Token(id, newToken(id),
                RandomTokens.next(45));
        log.accept(change);
        restore(change);
        return account.withToken(change.token(), change.tokenSecret());
    }

    /** Revokes a token: calls signed with it then fail with 401 code 89. */
    synchronized void revoke(String token) {
        TwitterChange.Revoke change = new TwitterChange.Revoke(token);
        log.accept(change);
        restore(change);
    }

    /** Applies an account change from the journal (or one just logged). */
    synchronized void restore(TwitterChange change) {
        if (change instanceof TwitterChange.Account a) {
            TwitterAccount account = new TwitterAccount(a.id(), a.screenName(), a.token(),
                    a.tokenSecret());
            byId.put(a.id(), new Entry(account, Instant.parse(a.createdAt())));
            idByName.put(key(a.screenName()), a.id());
            byToken.put(a.token(), new Credential(a.id(), a.tokenSecret()));
        } else if (change instanceof TwitterChange.Token t) {
            byToken.put(t.token(), new Credential(t.id(), t.tokenSecret()));
        } else if (change instanceof TwitterChange.Revoke r) {
            byToken.remove(r.token());
        } else if (change instanceof TwitterChange.Rename r) {
            applyRename(r.oldName(), r.newName());
        } else if (change instanceof TwitterChange.RefuseDms r) {
            refusingDms.add(r.id());
        } else if (change instanceof TwitterChange.RefuseGroups r) {
            refusingGroups.add(r.id());
        }
    }

    /** Makes the account refuse every DM sent to it from now on. */
    synchronized void refuseDms(long id) {
        refuse(id, new TwitterChange.RefuseDms(id));
    }

    /** Whether the account refuses DMs sent to it. */
    synchronized boolean refusesDms(long id) {
        return refusingDms.contains(id);
    }

    /** Makes the account refuse group DMs from now on; one-to-one ones still reach it. */
    synchronized void refuseGroupDms(long id) {
        refuse(id, new TwitterChange.RefuseGroups(id));
    }

    private void refuse(long id, TwitterChange change) {
        byId(id).orElseThrow(() -> new IllegalArgumentException("no account with id " + id));
        log.accept(change);
        restore(change);
    }

    /** Whether the account refuses group DMs (an account refusing every DM does too). */
    synchronized boolean refusesGroupDms(long id) {
        return refusingGroups.contains(id) || refusingDms.contains(id);
    }

    synchronized TwitterAccount rename(String oldName, String newName) {
        TwitterAccount.checkScreenName(newName);
        Long id = idByName.get(key(oldName));
        if (id == null) {
            throw new IllegalArgumentException("no account holds the name " + oldName);
        }
        if (!key(oldName).equals(key(newName))) {
            checkNameFree(newName);
        }
        log.accept(new TwitterChange.Rename(oldName, newName));
        return applyRename(oldName, newName);
    }

    private TwitterAccount applyRename(String oldName, String newName) {
        long id = idByName.get(key(oldName));
        Entry entry = byId.get(id);
        TwitterAccount renamed = entry.account().withScreenName(newName);
        byId.put(id, new Entry(renamed, entry.createdAt()));
        idByName.remove(key(oldName));
        idByName.put(key(newName), id);
        return renamed;
    }

    synchronized Optional<TwitterAccount> byName(String screenName) {
        return Optional.ofNullable(idByName.get(key(screenName))).flatMap(this::byId);
    }

    synchronized List<TwitterAccount> all() {
        return byId.values().stream().map(Entry::account)
                .sorted(Comparator.comparingLong(TwitterAccount::id)).toList();
    }

    synchronized Optional<TwitterAccount> byId(long id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::account);
    }

    /** The account a live token acts for, holding that token and its secret. */
    /** Whether the account holds an OAuth 1.0a access token of the app not revoked. */
    synchronized boolean hasUserKeys(long id) {
        return byToken.values().stream().anyMatch(credential -> credential.id() == id);
    }

    synchronized Optional<TwitterAccount> byToken(String token) {
        Credential credential = byToken.get(token);
        return credential == null ? Optional.empty() : byId(credential.id())
                .map(a -> a.withToken(token, credential.secret()));
    }

    /** When the account was created, for the user object's {@code created_at}. */
    synchronized Instant createdAt(long id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no account with id " + id);
        }
        return entry.createdAt();
    }

    private static String newToken(long id) {
        return id + "-" + RandomTokens.next(40);
    }

    private void checkNameFree(String screenName) {
        if (idByName.containsKey(key(screenName))) {
            throw new IllegalArgumentException("screen name already taken: " + screenName);
        }
    }

    private static String key(String screenName) {
        return screenName.toLowerCase(Locale.ROOT);
    }
}
