package org.amicus.cti.hub.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.amicus.ami.AmiException;
import org.amicus.ami.NamedSecrets;
import org.amicus.cti.CtiException;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubLogin;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.prefs.BackingStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HubChoice} in the preferences of {@code org.amicus.cti.hub}, its password in secure storage. */
@Component(service = HubChoice.class)
public class PreferenceHubChoice implements HubChoice {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceHubChoice.class);
    private static final String SERVERS = "hub.servers";
    private static final String USER = "hub.user";
    private static final String CERTIFICATE = "hub.certificate";
    private static final String PASSWORD = "org.amicus.cti.hub/password";

    @Reference
    private NamedSecrets secrets;

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode("org.amicus.cti.hub");
    }

    @Override
    public Optional<HubLogin> hub() {
        IEclipsePreferences stored = preferences();
        String servers = stored.get(SERVERS, "");
        if (servers.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HubLogin(Arrays.stream(servers.split(",")).toList(), stored.get(USER, ""),
                    secrets.find(PASSWORD).orElse(""), Optional.of(stored.get(CERTIFICATE, ""))
                            .filter(path -> !path.isBlank()).map(Path::of)));
        } catch (IllegalArgumentException | AmiException e) {
            LOG.warn("Connecting directly: the stored hub settings cannot be used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void useHub(HubLogin login) {
        try {
            secrets.save(PASSWORD, login.password());
        } catch (AmiException e) {
            throw CtiException.of("cannotSaveHub", e.getMessage());
        }
        IEclipsePreferences stored = preferences();
        stored.put(SERVERS, String.join(",", login.servers()));
        stored.put(USER, login.user());
        login.certificate().ifPresentOrElse(path -> stored.put(CERTIFICATE, path.toString()),
                () -> stored.remove(CERTIFICATE));
        flush(stored);
    }

    @Override
    public void useDirect() {
        IEclipsePreferences stored = preferences();
        stored.remove(SERVERS);
        stored.remove(USER);
        stored.remove(CERTIFICATE);
        flush(stored);
        secrets.delete(PASSWORD);
    }

    private static void flush(IEclipsePreferences stored) {
        try {
            stored.flush();
        } catch (BackingStoreException e) {
            throw CtiException.of("cannotSaveHub", e.getMessage());
        }
    }
}
