package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.Test;

/** AMI over TLS to the test PBX, whose certificate is self-signed and issued for "localhost" only. */
class TlsTest extends AgainstTestPbx {


    @Test
    void aTrustedCertificateConnectsAndEventsFlow() throws Exception {
        connection.connect(tls("localhost").trusting(TestPbx.CERTIFICATE), TestPbx.SECRET).get(15, TimeUnit.SECONDS);

        assertEquals(ConnectionState.CONNECTED, connection.status().state());
        assertEquals(Result.ANSWERED, connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT)
                .toApplication("Wait", "1").timeout(Duration.ofSeconds(5)).build()).get(20, TimeUnit.SECONDS)
                .result());
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        assertFailsWith(tls("localhost"), "not trusted");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        assertFailsWith(tls("127.0.0.1").trusting(TestPbx.CERTIFICATE), "not issued for 127.0.0.1");
    }

    @Test
    void aPortWithoutTlsIsReportedAsSuch() {
        assertFailsWith(new AmiProfile("plain port", "localhost", TestPbx.PORT, true, "amicus"),
                "no TLS conversation");
    }

    private void assertFailsWith(AmiProfile profile, String reason) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect(profile, TestPbx.SECRET).get(15, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains(reason), failure.getCause().getMessage());
        assertEquals(ConnectionState.FAILED, connection.status().state());
        assertTrue(connection.status().detail().contains(reason), connection.status().detail());
    }

    private static AmiProfile tls(String host) {
        return new AmiProfile("Test PBX over TLS", host, TestPbx.TLS_PORT, true, "amicus");
    }
}
