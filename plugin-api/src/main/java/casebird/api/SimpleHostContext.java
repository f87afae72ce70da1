package casebird.api;

import casebird.api.crm.CrmSdk;
import casebird.api.web.WebRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The plain {@link HostContext} that {@link HostContext#of} returns. */
record SimpleHostContext(
        CrmSdk crm,
        Map<String, String> settings,
        Path dataDirectory,
        Clock clock,
        String hostVersion,
        HealthReporter health,
        Optional<WebRoutes> webRoutes)
        implements HostContext {

    SimpleHostContext {
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hostVersion, "hostVersion");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(webRoutes, "webRoutes");
    }

    /** Names the host and the data directory but no setting: settings hold secrets. */
    @Override
    public String toString() {
        return "HostContext[hostVersion=" + hostVersion + ", dataDirectory=" + dataDirectory
                + ", " + settings.size() + " settings, webRoutes="
                + (webRoutes.isPresent() ? "offered" : "none") + "]";
    }
}
