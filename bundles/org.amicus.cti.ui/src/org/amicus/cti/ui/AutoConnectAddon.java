package org.amicus.cti.ui;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionState;
import org.amicus.cti.hub.HubStatus;
import org.eclipse.e4.core.di.annotations.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * At start, connects to the profile chosen in the settings, if it has a secret and nothing else (a server given at
 * launch) is connecting already; never in hub mode, where the hub alone talks to the PBX.
 */
public class AutoConnectAddon {

    private static final Logger LOG = LoggerFactory.getLogger(AutoConnectAddon.class);

    @Inject
    @Optional
    AmiConnection connection;

    @Inject
    @Optional
    AmiProfiles profiles;

    @Inject
    @Optional
    AmiSecrets secrets;

    @Inject
    @Optional
    HubStatus hub;

    @PostConstruct
    void connectToChosenProfile() {
        if (hub != null || connection == null || profiles == null || secrets == null
                || connection.status().state() != ConnectionState.DISCONNECTED) {
            return;
        }
        // Reading the secret may wait for the desktop keyring: on a thread of its own, so that the window need not
        Thread.ofPlatform().name("amicus-auto-connect").daemon().start(this::connect);
    }

    private void connect() {
        try {
            profiles.current().ifPresent(profile -> secrets.find(profile).ifPresentOrElse(
                    secret -> connection.connect(profile, secret),
                    () -> LOG.info("Not connecting to {} at start: no secret is stored for it", profile.server())));
        } catch (AmiException e) {
            LOG.warn("Not connecting at start: {}", e.getMessage());
        }
    }
}
