package org.certdesk.core.tests;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.certdesk.api.KeySpec;
import org.certdesk.api.RequestSpec;
import org.certdesk.core.internal.Authorizer;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.core.internal.Contributions;
import org.certdesk.core.internal.DataFolder;
import org.eclipse.core.runtime.RegistryFactory;

/** Real services on a temporary data folder, with the plugins installed in the test runtime. */
final class Fixture {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final Authorizer.Identity ADMIN = new Authorizer.Identity("alice", false, List.of("staff", "certdesk-admins"));
    static final Authorizer.Identity VIEWER = new Authorizer.Identity("bob", false, List.of("staff"));

    private Fixture() {
    }

    static CertdeskServiceImpl open(Path dir) {
        return open(dir, ADMIN);
    }

    static CertdeskServiceImpl open(Path dir, Authorizer.Identity who) {
        return new CertdeskServiceImpl(new DataFolder(dir), new Contributions(RegistryFactory.getRegistry()),
                new Authorizer(who, null), PASSWORD, Clock.systemUTC());
    }

    static RequestSpec spec(String name, KeySpec key, String... usages) {
        return new RequestSpec(List.of(usages), "local", null, name, key, false, "Example Corp", "IT", "FR",
                "Ile-de-France", "Paris", null, List.of());
    }
}
