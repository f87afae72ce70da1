package casebird.harness.host;

import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CRM as one host instance hands it to its plugins: once {@link #fence() fenced}, as a
 * killed host's plugin would be, every call fails without reaching the CRM; a call that a
 * scripted {@link CrmFaults fault} takes fails too.
 */
public final class FenceableCrm implements CrmSdk {

    /** What a call of a fenced instance gets: the process it ran in is gone. */
    public static final class FencedException extends IllegalStateException {
        FencedException() {
            super("this host instance was killed: its CRM calls go nowhere");
        }
    }

    private final CrmSdk crm;
    private final CrmFaults faults;
    private final AtomicBoolean fenced = new AtomicBoolean();

    /** Hands calls on to {@code crm} until fenced, failing those that {@code faults} take. */
    public FenceableCrm(CrmSdk crm, CrmFaults faults) {
        this.crm = crm;
        this.faults = faults;
    }

    /** From now on every call fails with {@link FencedException}. */
    public void fence() {
        fenced.set(true);
    }

    @Override
    public Optional<CrmCase> findCase(long caseId) {
        return open(caseId).findCase(caseId);
    }

    @Override
    public CrmCase viewCase(long caseId, String asUser) throws CrmException {
        return open().viewCase(caseId, asUser);
    }

    @Override
    public List<CrmCase> openCasesOwnedBy(String login) {
        return open().openCasesOwnedBy(login);
    }

    @Override
    public CaseUpdate accept(long caseId, String asUser, String idempotencyKey)
            throws CrmException {
        return open(caseId).accept(caseId, asUser, idempotencyKey);
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey)
            throws CrmException {
        return open(caseId).logNote(caseId, asUser, text, idempotencyKey);
    }

    @Override
    public CaseUpdate close(long caseId, String asUser, Optional<String> note,
            String idempotencyKey) throws CrmException {
        return open(caseId).close(caseId, asUser, note, idempotencyKey);
    }

    @Override
    public List<String> queueMembers(String queue) {
        return open().queueMembers(queue);
    }

    @Override
    public boolean userExists(String login) {
        return open().userExists(login);
    }

    @Override
    public Optional<String> userField(String login, String field) {
        return open().userField(login, field);
    }

    @Override
    public Map<String, String> usersWithField(String field) {
        return open().usersWithField(field);
    }

    private CrmSdk open() {
        return open(OptionalLong.empty());
    }

    private CrmSdk open(long caseId) {
        return open(OptionalLong.of(caseId));
    }

    private CrmSdk open(OptionalLong caseId) {
        if (fenced.get()) {
            throw new FencedException();
        }
        faults.check(caseId);
        return crm;
    }
}
