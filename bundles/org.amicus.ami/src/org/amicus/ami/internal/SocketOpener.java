package org.amicus.ami.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.amicus.ami.AmiProfile;

/** Opens the TCP or TLS socket to a profile's PBX. TLS verifies the certificate and that it names the host. */
final class SocketOpener {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private SocketOpener() {
    }

    static Socket open(AmiProfile profile) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(profile.host(), profile.port()), CONNECT_TIMEOUT_MILLIS);
        if (!profile.tls()) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain,
                profile.host(), profile.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name this host
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }
}
