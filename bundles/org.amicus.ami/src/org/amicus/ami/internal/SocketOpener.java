package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.amicus.ami.AmiProfile;

/**
 * Opens the TCP or TLS socket to a profile's PBX, each step bounded: a server that accepts TCP and then says nothing
 * fails the handshake in time. TLS verifies the certificate, against the profile's trusted certificate if it names
 * one or else the Java trust store, and that the certificate names the host.
 */
final class SocketOpener {

    /** The longest wait for TCP's connect, and then for TLS's handshake. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

    private SocketOpener() {
    }

    /** Connects the unconnected socket to the profile's PBX, and returns it, or the TLS socket over it. */
    static Socket open(Socket plain, AmiProfile profile) throws IOException {
        plain.setTcpNoDelay(true); // an action is one small write awaiting its answer: never hold it back (Nagle)
        try {
            plain.connect(new InetSocketAddress(profile.host(), profile.port()), (int) STEP_TIMEOUT.toMillis());
            if (!profile.tls()) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) factoryFor(profile).createSocket(plain, profile.host(), profile.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name this host
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            try {
                tls.startHandshake();
            } catch (SocketTimeoutException silent) {
                throw new HandshakeTimeoutException();
            }
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** The server took the TCP connection but did not complete a TLS handshake in time. */
    static final class HandshakeTimeoutException extends IOException {

        private static final long serialVersionUID = 1L;

        HandshakeTimeoutException() {
            super("no TLS handshake within " + STEP_TIMEOUT.toSeconds() + " s: is TLS enabled on this port?");
        }
    }

    private static SSLSocketFactory factoryFor(AmiProfile profile) throws IOException {
        if (profile.trustedCertificate() == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream pem = Files.newInputStream(Path.of(profile.trustedCertificate()))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("pbx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + profile.trustedCertificate() + " as a trusted certificate: "
                    + e.getMessage(), e);
        }
    }
}
