package org.amicus.cti.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.nats.client.Options;

/**
 * How the hub's and the desktops' connections reach the NATS servers: as one user, with replies to that user's own
 * inboxes, reconnecting for as long as they are open, and over TLS trusting the certificates of one PEM file (a
 * private CA's, say) if one is named, else the JVM's trust store.
 */
public final class NatsOptions {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private NatsOptions() {
    }

    /** @throws IOException saying which file, if the certificate cannot be read or holds none */
    public static Options.Builder of(List<String> servers, String user, String password, Optional<Path> certificate,
            String connectionName) throws IOException {
        Options.Builder options = Options.builder();
        if (certificate.isPresent()) {
            options.sslContext(trusting(certificate.get()));
        }
        return options.servers(servers.toArray(String[]::new)).userInfo(user, password)
                .inboxPrefix(HubSubjects.inboxPrefix(user)).connectionName(connectionName)
                .connectionTimeout(CONNECT_TIMEOUT).maxReconnects(-1);
    }

    private static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int count = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("trusted-" + count++, certificate);
            }
            if (count == 0) {
                throw new IOException(pem + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + pem + " as a trusted certificate: " + e.getMessage(), e);
        }
    }
}
