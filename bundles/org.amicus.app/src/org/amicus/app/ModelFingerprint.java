package org.amicus.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.osgi.framework.Bundle;

/**
 * What the application model is made of, as one hash: the application's own model and every installed bundle's model
 * fragment. It changes when an upgrade changes the model, and only then (a new build with the same model keeps it).
 */
final class ModelFingerprint {

    static final String APPLICATION_MODEL = "Application.e4xmi";
    private static final String MODEL_FRAGMENT_HEADER = "Model-Fragment";

    private ModelFingerprint() {
    }

    /** @param application the bundle holding {@value #APPLICATION_MODEL}; {@code installed} the framework's bundles */
    static String of(Bundle application, Bundle[] installed) {
        MessageDigest digest = sha256();
        add(digest, application.getSymbolicName(), application.getEntry(APPLICATION_MODEL));
        Bundle[] sorted = installed.clone();
        Arrays.sort(sorted, Comparator.comparing(bundle -> String.valueOf(bundle.getSymbolicName())));
        for (Bundle bundle : sorted) {
            String header = bundle.getHeaders("").get(MODEL_FRAGMENT_HEADER);
            if (header != null) {
                add(digest, bundle.getSymbolicName(), bundle.getEntry(header.split(";")[0].trim()));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String bundle, URL model) {
        digest.update((bundle + '\n').getBytes(StandardCharsets.UTF_8));
        if (model == null) {
            return;
        }
        try (InputStream in = model.openStream()) {
            digest.update(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + model, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
