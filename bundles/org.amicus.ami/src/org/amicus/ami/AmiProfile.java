package org.amicus.ami;

/**
 * Where and as whom to log in to an Asterisk Manager Interface. Holds no secret: the secret is passed separately
 * to {@link AmiConnection#connect(AmiProfile, String)} so a profile can be shown, logged and stored freely.
 *
 * @param name     what a person calls this server, e.g. "Head office PBX"
 * @param host     host name or address of the PBX
 * @param port     AMI port, usually 5038 (TCP) or 5039 (TLS)
 * @param tls      whether to speak TLS
 * @param username AMI user from the PBX's manager.conf
 * @param trustedCertificate for TLS: the path of a PEM certificate to trust for this server alone (a self-signed
 *                 one, say), instead of the Java trust store; {@code null} for the trust store
 */
public record AmiProfile(String name, String host, int port, boolean tls, String username, String trustedCertificate) {

    public AmiProfile {
        field("name", name);
        field("host", host);
        field("username", username);
        if (trustedCertificate != null) {
            field("trustedCertificate", trustedCertificate);
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidInputException(locale -> Words.of(locale, "profile.port", String.valueOf(port)));
        }
    }

    /** A profile that trusts the certificates of the Java trust store. */
    public AmiProfile(String name, String host, int port, boolean tls, String username) {
        this(name, host, port, tls, username, null);
    }

    /** The same profile, trusting this certificate (a PEM file) for TLS. */
    public AmiProfile trusting(String certificate) {
        return new AmiProfile(name, host, port, tls, username, certificate);
    }

    /** The server as a person reads it, e.g. {@code amicus@127.0.0.1:5038}. */
    public String server() {
        return username + "@" + host + ":" + port + (tls ? " (TLS)" : "");
    }

    /** A field of the form: not blank, and one line (it goes into an AMI header); the reason names the field. */
    private static void field(String field, String value) {
        boolean blank = value == null || value.isBlank();
        if (blank || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(locale -> Words.of(locale, blank ? "profile.empty" : "profile.oneLine",
                    Words.of(locale, "profile.field." + field)));
        }
    }
}
