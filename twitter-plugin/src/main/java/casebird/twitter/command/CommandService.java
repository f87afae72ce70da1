package casebird.twitter.command;

import casebird.api.crm.CrmSdk;

/** Stand-in until the command package lands; the merge replaces this file. */
public final class CommandService {

    /** Creates the service over the CRM SDK. */
    public CommandService(CrmSdk crm) {
        if (crm == null) {
            throw new NullPointerException("crm");
        }
    }

    /** Runs one agent's DM as a command and returns the reply. */
    public String handle(String crmLogin, String eventId, String text) {
        throw new UnsupportedOperationException("stand-in for command package");
    }
}
