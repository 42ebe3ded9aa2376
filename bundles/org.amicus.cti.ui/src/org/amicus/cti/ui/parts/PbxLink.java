package org.amicus.cti.ui.parts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.HubStatusListener;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.di.annotations.Optional;

import jakarta.inject.Inject;

/**
 * Whether the PBX serves this desktop now, for the parts and their actions: through the hub in hub mode (its status is
 * there only then), else over the desktop's own AMI connection. {@link #missing()} if neither is there. A part gets
 * one of its own by injection.
 */
@Creatable
public final class PbxLink {

    private final AmiConnection connection;
    private final HubStatus hub;
    private final Map<Runnable, Object> listeners = new ConcurrentHashMap<>();

    /** Either may be {@code null}, as e4 injects what the runtime lacks; the hub wins when both are there. */
    @Inject
    public PbxLink(@Optional AmiConnection connection, @Optional HubStatus hub) {
        this.connection = connection;
        this.hub = hub;
    }

    public boolean missing() {
        return connection == null && hub == null;
    }

    /** Served now: the hub serves, or the AMI connection is up. */
    public boolean up() {
        if (hub != null) {
            return hub.available();
        }
        return connection != null && connection.status().state() == ConnectionState.CONNECTED;
    }

    /** Runs {@code change} (on whatever thread tells it) whenever {@link #up()} may have changed. */
    public void addListener(Runnable change) {
        if (hub != null) {
            HubStatusListener listener = status -> change.run();
            listeners.put(change, listener);
            hub.addListener(listener);
        } else if (connection != null) {
            ConnectionStatusListener listener = status -> change.run();
            listeners.put(change, listener);
            connection.addStatusListener(listener);
        }
    }

    public void removeListener(Runnable change) {
        Object listener = listeners.remove(change);
        if (listener instanceof HubStatusListener heard) {
            hub.removeListener(heard);
        } else if (listener instanceof ConnectionStatusListener heard) {
            connection.removeStatusListener(heard);
        }
    }
}
