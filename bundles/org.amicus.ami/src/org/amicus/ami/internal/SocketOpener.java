package org.amicus.ami.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.amicus.ami.AmiProfile;

/**
 * Opens the TCP or TLS socket to a profile's PBX. TLS verifies the certificate, against the profile's trusted
 * certificate if it names one or else the Java trust store, and that the certificate names the host.
 */
final class SocketOpener {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private SocketOpener() {
    }

    static Socket open(AmiProfile profile) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true); // an action is one small write awaiting its answer: never hold it back (Nagle)
        plain.connect(new InetSocketAddress(profile.host(), profile.port()), CONNECT_TIMEOUT_MILLIS);
        if (!profile.tls()) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) factoryFor(profile).createSocket(plain, profile.host(), profile.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name this host
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
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
