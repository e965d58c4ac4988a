package org.certdesk.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certdesk.cli.internal.Cli;
import org.certdesk.core.internal.Authorizer;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.core.internal.Contributions;
import org.certdesk.core.internal.DataFolder;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Authorizer.Identity ADMIN = new Authorizer.Identity("alice", false, List.of("certdesk-admins"));
    private static final Authorizer.Identity VIEWER = new Authorizer.Identity("bob", false, List.of("users"));

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(Authorizer.Identity who, String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), d -> new CertdeskServiceImpl(new DataFolder(d),
                        new Contributions(RegistryFactory.getRegistry()), new Authorizer(who, null), password.toCharArray(),
                        Clock.systemUTC()));
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cli.run(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(String... args) {
        return run(ADMIN, "pw", args);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    @Test
    void requestWithAssignThenGetListRemove() {
        assertEquals(0, run("trust-ca-root").code());
        Result r = run("--json", "request", "--usage", "Default", "--key", "EC-P256", "--name", "front end",
                "--country", "FR", "--org", "Example", "--san", "DNS:extra.example.com", "--assign");
        assertEquals(0, r.code(), r.err());
        assertEquals("ISSUED", field(r.out(), "status"));
        assertEquals("true", field(r.out(), "assigned"));
        String thumb = field(r.out(), "thumbprint");
        assertTrue(r.out().contains("DNS:extra.example.com"), r.out());

        Result get = run("--json", "get", "Default");
        assertEquals(0, get.code());
        assertEquals(thumb, field(get.out(), "thumbprint"));
        assertEquals("true", field(get.out(), "ok"));
        Result text = run("get");
        assertTrue(text.out().contains(thumb) && text.out().contains("OK (expires in"), text.out());
        assertEquals(0, run("test-configuration").code());
        assertTrue(run("list", "--store", "personal").out().contains("front end"));

        assertEquals(0, run("remove", "Default").code());
        assertTrue(run("get", "Default").out().contains("nothing assigned"));
        assertTrue(run("show", thumb).out().contains("front end"), "the certificate stays after Remove");
        assertTrue(run("audit").out().contains("remove"));
    }

    @Test
    void refusalsHaveTheirExitCodesAndClearMessages() throws Exception {
        Result unknownUsage = run("--json", "assign", "Nope", "00");
        assertEquals(4, unknownUsage.code());
        assertEquals("UNKNOWN_USAGE", field(unknownUsage.out(), "error"));
        assertTrue(unknownUsage.err().contains("There is no usage 'Nope'"), unknownUsage.err());
        assertEquals(5, run("assign", "Default", "ABCDEF").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("request", "--usage", "Default", "--key", "DSA-1024").code());
        assertEquals(2, run("request").code());

        Result issued = run("--json", "request", "--usage", "WebServicesInternal", "--key", "EC-P256");
        String thumb = field(issued.out(), "thumbprint");
        Result untrusted = run("assign", "WebServicesInternal", thumb);
        assertEquals(8, untrusted.code());
        assertTrue(untrusted.err().contains("not in the Trusted Root store"), untrusted.err());
        assertEquals(3, run(VIEWER, "pw", "assign", "WebServicesInternal", thumb).code());
        assertEquals(0, run(VIEWER, "pw", "get").code(), "viewers can look");

        Path storeFile = dir.resolve("store/stores.p12");
        byte[] before = Files.readAllBytes(storeFile);
        Result wrong = run(ADMIN, "not the password", "list");
        assertEquals(10, wrong.code());
        assertTrue(wrong.err().contains("password"), wrong.err());
        assertTrue(!wrong.err().contains("not the password"), "the password is never printed");

        byte[] corrupt = before.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        Files.write(storeFile, corrupt);
        Result damaged = run("list");
        assertTrue(damaged.code() == 9 || damaged.code() == 10, damaged.code() + " " + damaged.err());
        assertArrayEquals(corrupt, Files.readAllBytes(storeFile), "a damaged store is left as it is");
        Files.write(dir.resolve("store/stores.p12"), "not a keystore".getBytes(StandardCharsets.US_ASCII));
        assertEquals(9, run("list").code());
    }

    @Test
    void pendingApprovalFlow() {
        assertEquals(0, run("trust-ca-root").code());
        assertEquals(0, run("ca", "set", "local", "requireApproval=true").code());
        Result pending = run("--json", "request", "--usage", "WebServicesExternal", "--key", "RSA-2048",
                "--san", "web.example.com");
        assertEquals(0, pending.code(), pending.err());
        assertEquals("PENDING", field(pending.out(), "status"));
        String pendingId = field(pending.out(), "pendingId");
        String caRequestId = field(pending.out(), "caRequestId");
        assertTrue(run("pending", "list").out().contains(pendingId));
        assertTrue(run("local-ca", "list").out().contains(caRequestId));
        assertEquals("PENDING", field(run("--json", "pending", "retrieve", pendingId).out(), "status"));
        assertEquals(3, run(VIEWER, "pw", "local-ca", "approve", caRequestId).code());
        assertEquals(0, run("local-ca", "approve", caRequestId).code());
        Result issued = run("--json", "pending", "retrieve", pendingId, "--assign");
        assertEquals(0, issued.code(), issued.err());
        assertEquals("ISSUED", field(issued.out(), "status"));
        assertEquals("true", field(issued.out(), "assigned"));
        assertEquals(field(issued.out(), "thumbprint"), field(run("--json", "get", "WebServicesExternal").out(),
                "thumbprint"));
    }

    @Test
    void serverConfigurationDrivesNamesAndAdminGroupIsConfigurable() {
        assertEquals(0, run("server", "set", "poolFqdn=pool.example.com").code());
        assertEquals(0, run("server", "set", "sipDomains=example.com, example.org").code());
        assertTrue(run("server").out().contains("sipDomains = example.com, example.org"));
        assertEquals(2, run("server", "set", "bad key=x").code());
        Result r = run("--json", "request", "--usage", "Default", "--key", "EC-P256");
        assertTrue(r.out().contains("DNS:pool.example.com") && r.out().contains("DNS:sip.example.org"), r.out());
        assertTrue(r.out().contains("CN=pool.example.com"), r.out());
        assertEquals(3, run(VIEWER, "pw", "admin-group", "users").code());
        assertEquals(0, run("admin-group", "pki-operators").code());
        assertTrue(run("audit").out().contains("admin-group"));
        String settings = assertDoesNotThrowRead(dir.resolve("certdesk.properties"));
        assertTrue(settings.contains("admin.group=pki-operators"), settings);
    }

    private static String assertDoesNotThrowRead(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
