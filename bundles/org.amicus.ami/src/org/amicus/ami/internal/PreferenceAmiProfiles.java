package org.amicus.ami.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AmiProfiles} in the instance-scope preferences of {@code org.amicus.ami}: one child node per profile. */
@Component(service = AmiProfiles.class)
public class PreferenceAmiProfiles implements AmiProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceAmiProfiles.class);
    private static final String PROFILES = "profiles";
    private static final String CURRENT = "currentProfile";

    private IEclipsePreferences root() {
        return InstanceScope.INSTANCE.getNode("org.amicus.ami");
    }

    @Override
    public synchronized List<AmiProfile> all() {
        List<AmiProfile> profiles = new ArrayList<>();
        try {
            Preferences stored = root().node(PROFILES);
            for (String name : stored.childrenNames()) {
                read(stored.node(name), name).ifPresent(profiles::add);
            }
        } catch (BackingStoreException e) {
            LOG.warn("Cannot read the stored AMI profiles: {}", e.getMessage());
        }
        profiles.sort(Comparator.comparing(AmiProfile::name, String.CASE_INSENSITIVE_ORDER));
        return profiles;
    }

    @Override
    public synchronized Optional<AmiProfile> find(String name) {
        try {
            Preferences stored = root().node(PROFILES);
            return stored.nodeExists(name) ? read(stored.node(name), name) : Optional.empty();
        } catch (BackingStoreException | IllegalArgumentException e) {
            return Optional.empty(); // a name no node can have is a name no profile has
        }
    }

    private static Optional<AmiProfile> read(Preferences node, String name) {
        try {
            return Optional.of(new AmiProfile(name, node.get("host", ""), node.getInt("port", 5038),
                    node.getBoolean("tls", false), node.get("username", ""),
                    node.get("trustedCertificate", null)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the stored AMI profile '{}': {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized Optional<AmiProfile> current() {
        String name = root().get(CURRENT, null);
        return name == null ? Optional.empty() : find(name);
    }

    @Override
    public synchronized void save(AmiProfile profile) {
        if (profile.name().contains("/")) {
            throw new IllegalArgumentException("A profile name cannot contain '/': " + profile.name());
        }
        Preferences node = root().node(PROFILES).node(profile.name());
        node.put("host", profile.host());
        node.putInt("port", profile.port());
        node.putBoolean("tls", profile.tls());
        node.put("username", profile.username());
        if (profile.trustedCertificate() == null) {
            node.remove("trustedCertificate");
        } else {
            node.put("trustedCertificate", profile.trustedCertificate());
        }
        flush("save the AMI profile '" + profile.name() + "'");
    }

    @Override
    public synchronized void makeCurrent(String name) {
        if (find(name).isEmpty()) {
            throw new IllegalArgumentException("No AMI profile is named '" + name + "'");
        }
        root().put(CURRENT, name);
        flush("choose the AMI profile '" + name + "'");
    }

    @Override
    public synchronized void delete(String name) {
        try {
            Preferences stored = root().node(PROFILES);
            if (stored.nodeExists(name)) {
                stored.node(name).removeNode();
            }
        } catch (BackingStoreException | IllegalArgumentException e) {
            throw new AmiException("Cannot delete the AMI profile '" + name + "': " + e.getMessage(), e);
        }
        if (name.equals(root().get(CURRENT, null))) {
            root().remove(CURRENT);
        }
        flush("delete the AMI profile '" + name + "'");
    }

    private void flush(String what) {
        try {
            root().flush();
        } catch (BackingStoreException e) {
            throw new AmiException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
