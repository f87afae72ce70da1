package casebird.harness.twitter;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fake's Twitter accounts, found by id, by current screen name or by access token. */
final class AccountRegistry {

    private static final long FIRST_ID = 1_000_000L;

    private record Entry(TwitterAccount account, Instant createdAt) {
    }

    private final Clock clock;
    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, Long> idByName = new HashMap<>();
    private final Map<String, Long> idByToken = new HashMap<>();
    private long nextId = FIRST_ID;

    AccountRegistry(Clock clock) {
        this.clock = clock;
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
        TwitterAccount account = new TwitterAccount(id, screenName,
                id + "-" + RandomTokens.next(40), RandomTokens.next(45));
        byId.put(id, new Entry(account, clock.instant()));
        idByName.put(key(screenName), id);
        idByToken.put(account.accessToken(), id);
        return account;
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

    synchronized Optional<TwitterAccount> byToken(String token) {
        return Optional.ofNullable(idByToken.get(token)).flatMap(this::byId);
    }

    /** When the account was created, for the user object's {@code created_at}. */
    synchronized Instant createdAt(long id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no account with id " + id);
        }
        return entry.createdAt();
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
