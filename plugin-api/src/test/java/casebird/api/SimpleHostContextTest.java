package casebird.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CrmSdk;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleHostContextTest {

    /** A CRM no test here calls. */
    private static CrmSdk unusedCrm() {
        return (CrmSdk) Proxy.newProxyInstance(CrmSdk.class.getClassLoader(),
                new Class<?>[] {CrmSdk.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "unused CRM";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void toStringNamesNoSettingAndNoSecret() {
        HostContext context = HostContext.of(unusedCrm(),
                Map.of("consumer-secret", "s3cret-value", "access-token", "123-tok3n"),
                Path.of("data"), Clock.systemUTC(), "1.1.0", health -> { });

        String text = context.toString();

        assertFalse(text.contains("s3cret-value"), text);
        assertFalse(text.contains("123-tok3n"), text);
        assertFalse(text.contains("consumer-secret"), text);
        assertTrue(text.contains("1.1.0"), text);
    }
}
