package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionOptions;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.ChannelRegistry;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.StatusRecorder;
import org.amicus.testing.TcpProxy;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wrong credentials, a host the PBX's ACL denies, too few permissions and an untrusted or mismatched TLS certificate,
 * on the real test PBX: each gives a clear error and one attempt, with no retries after it (every connection goes
 * through a proxy that counts them).
 */
class CredentialsTest extends AgainstTestPbx {

    /** Retries, were there any, would come within this: five times the longest wait between attempts. */
    private static final ConnectionOptions QUICK = AgainstFakeServer.QUICK;
    private static final Duration RETRIES_WOULD_COME = QUICK.reconnectMax().multipliedBy(5);
    private static final String REFUSED = "wrong user name or secret, or this host is not permitted";

    private final StatusRecorder statuses = new StatusRecorder();

    @AfterEach
    void stopRecordingStatuses() {
        connection.removeStatusListener(statuses);
    }

    @Test
    void aWrongSecretFailsOnceWithoutRetrying() throws Exception {
        assertFailsOnce(TestPbx.PORT, TestPbx.fullRights(), "not-the-secret", REFUSED);
    }

    /** Asterisk answers an ACL refusal exactly as a wrong secret (it logs the difference on its side only). */
    @Test
    void aHostTheAclDeniesFailsOnceWithoutRetrying() throws Exception {
        assertFailsOnce(TestPbx.PORT, TestPbx.permittedElsewhere(), TestPbx.ELSEWHERE_SECRET, REFUSED);
    }

    @Test
    void anUntrustedCertificateFailsOnceWithoutRetrying() throws Exception {
        assertFailsOnce(TestPbx.TLS_PORT, tls("localhost"), TestPbx.SECRET, "certificate is not trusted");
    }

    @Test
    void aCertificateForAnotherHostFailsOnceWithoutRetryingEvenIfTrusted() throws Exception {
        assertFailsOnce(TestPbx.TLS_PORT, tls("127.0.0.1").trusting(TestPbx.CERTIFICATE), TestPbx.SECRET,
                "not issued for 127.0.0.1");
    }

    @Test
    void restrictedPermissionsNameWhatIsMissingAndKeepTheConnection() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            connection.connect(via(proxy, TestPbx.restricted()), TestPbx.RESTRICTED_SECRET, QUICK)
                    .get(15, TimeUnit.SECONDS);
            connection.addStatusListener(statuses);

            AmiPermissionException listing = permissionRefusal(
                    () -> connection.sendList(new CoreShowChannelsAction(), Duration.ofSeconds(10))
                            .get(15, TimeUnit.SECONDS));
            assertEquals("system or reporting", listing.permission());
            AmiPermissionException shell = permissionRefusal(() -> connection.originate(OriginateRequest
                    .call("Local/100@" + TestPbx.CONTEXT).toApplication("Playback", "${SHELL(true)}").build())
                    .get(15, TimeUnit.SECONDS));
            assertEquals("system", shell.permission());
            assertTrue(services.get(ChannelRegistry.class).resyncProblem().orElseThrow()
                    .contains("'system or reporting' permission"));

            assertEquals(ConnectionState.CONNECTED, connection.status().state());
            assertNoMoreConnections(proxy, 1);
        }
    }

    private void assertFailsOnce(int port, AmiProfile profile, String secret, String reason) throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, port)) {
            connection.addStatusListener(statuses);
            TestLog log = new TestLog();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> connection.connect(via(proxy, profile), secret, QUICK).get(15, TimeUnit.SECONDS));
            AmiException cause = assertInstanceOf(AmiException.class, failure.getCause());
            assertTrue(cause.getMessage().contains(reason), cause.getMessage());
            statuses.awaitNext(s -> s.state() == ConnectionState.FAILED && s.detail().contains(reason),
                    Duration.ofSeconds(1));
            log.assertLogged("Cannot connect to " + via(proxy, profile).server() + ": ");
            assertNoMoreConnections(proxy, 1);
            assertEquals(ConnectionState.FAILED, connection.status().state());
        }
    }

    private static AmiPermissionException permissionRefusal(org.junit.jupiter.api.function.Executable action) {
        ExecutionException refused = assertThrows(ExecutionException.class, action);
        return assertInstanceOf(AmiPermissionException.class, refused.getCause());
    }

    /** Waits as long as retries would take to come, and checks that none came. */
    private static void assertNoMoreConnections(TcpProxy proxy, int expected) throws InterruptedException {
        assertFalse(proxy.awaitConnections(expected + 1, RETRIES_WOULD_COME), "a retry came");
        assertEquals(expected, proxy.connections());
    }

    /** The profile, with the proxy's port; the host is kept, for TLS checks the name the certificate gives. */
    private static AmiProfile via(TcpProxy proxy, AmiProfile profile) {
        return new AmiProfile(profile.name(), profile.host(), proxy.port(), profile.tls(), profile.username(),
                profile.trustedCertificate());
    }

    private static AmiProfile tls(String host) {
        return new AmiProfile("Test PBX over TLS", host, TestPbx.TLS_PORT, true, "amicus");
    }
}
