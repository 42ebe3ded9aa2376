package org.amicus.cti.hub.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCallListener;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hub mode, chosen in the settings ({@link HubChoice}) or at launch, with {@value #SERVERS} (comma-separated NATS
 * URLs) and {@value #USER} set, the password in the environment variable {@value #PASSWORD}, and optionally
 * {@value #CERTIFICATE}, the certificate (PEM) that TLS to the servers trusts: the desktop's
 * {@link ChannelRegistry}, {@link CtiActions}, {@link QueueRegistry}, {@link ColleagueRegistry} and {@link ParkedCalls}
 * come from the hub, ranked above the direct mode's and offered at once (the connection follows in the background),
 * so that consumers bind to them; so do the {@link AgentProfiles}, whose phone is the roster's, and the
 * {@link QueueActions}. {@link HubStatus} says whether the hub serves. The listener services (the call notifications
 * among them) hear the hub's channels, queues, colleagues and parked calls, as they hear the PBX's in the direct mode. Without either, nothing happens: the
 * direct mode is the default.
 */
@Component(immediate = true)
public class HubMode {

    static final String SERVERS = "amicus.hub.servers";
    static final String USER = "amicus.hub.user";
    static final String CERTIFICATE = "amicus.hub.certificate";
    static final String PASSWORD = "AMICUS_HUB_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(HubMode.class);
    private static final int RANKING = 100;
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** Marks the services of hub mode, which stand in for the direct mode's. */
    private static final String HUB_MODE = "amicus.hub.mode";
    /**
     * Applications of the product that are no desktop: the command line goes through the hub by itself when told to,
     * and the hub is what desktops go through (it must never serve from its own desktops' registry).
     */
    private static final Set<String> NOT_DESKTOPS = Set.of("org.amicus.cli.app", "org.amicus.hub.app");

    private final Whiteboard<ChannelListener> channelListeners = new Whiteboard<>();
    private final Whiteboard<QueueListener> queueListeners = new Whiteboard<>();
    private final Whiteboard<ColleagueListener> colleagueListeners = new Whiteboard<>();
    private final Whiteboard<ParkedCallListener> parkedCallListeners = new Whiteboard<>();
    private HubDesktop desktop;
    private List<ServiceRegistration<?>> registrations = List.of();

    private final ScheduledExecutorService connecting = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("amicus-hub-connect").daemon().factory());

    @Reference(target = "(!(" + HUB_MODE + "=true))")
    private AgentProfiles storedProfiles;

    @Reference
    private HubChoice choice;

    @Reference(target = "(!(" + HUB_MODE + "=true))")
    private QueueActions storedQueueActions;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannelListener(ChannelListener listener) {
        channelListeners.add(listener);
    }

    void removeChannelListener(ChannelListener listener) {
        channelListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addQueueListener(QueueListener listener) {
        queueListeners.add(listener);
    }

    void removeQueueListener(QueueListener listener) {
        queueListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addColleagueListener(ColleagueListener listener) {
        colleagueListeners.add(listener);
    }

    void removeColleagueListener(ColleagueListener listener) {
        colleagueListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParkedCallListener(ParkedCallListener listener) {
        parkedCallListeners.add(listener);
    }

    void removeParkedCallListener(ParkedCallListener listener) {
        parkedCallListeners.remove(listener);
    }

    @Activate
    void activate(BundleContext context) {
        if (NOT_DESKTOPS.contains(context.getProperty("eclipse.application"))) {
            return;
        }
        Optional<HubLogin> chosen;
        try {
            chosen = launched(context).or(choice::hub);
        } catch (IllegalArgumentException e) {
            LOG.error("Hub mode is not set up right ({}, {}, {}): {}", SERVERS, USER, PASSWORD, e.getMessage());
            return;
        }
        if (chosen.isEmpty()) {
            return;
        }
        HubLogin login = chosen.get();
        HubDesktop offered = new HubDesktop(login);
        Dictionary<String, Object> ranked = new Hashtable<>();
        ranked.put(Constants.SERVICE_RANKING, RANKING);
        ranked.put(HUB_MODE, Boolean.TRUE);
        synchronized (this) {
            desktop = offered;
            channelListeners.bind(offered.registry()::addListener, offered.registry()::removeListener);
            queueListeners.bind(offered.queues()::addListener, offered.queues()::removeListener);
            colleagueListeners.bind(offered.colleagues()::addListener, offered.colleagues()::removeListener);
            parkedCallListeners.bind(offered.parked()::addListener, offered.parked()::removeListener);
            registrations = List.of(context.registerService(ChannelRegistry.class, offered.registry(), ranked),
                    context.registerService(QueueRegistry.class, offered.queues(), ranked),
                    context.registerService(ColleagueRegistry.class, offered.colleagues(), ranked),
                    context.registerService(ParkedCalls.class, offered.parked(), ranked),
                    context.registerService(CtiActions.class, offered.actions(), ranked),
                    context.registerService(AgentProfiles.class, offered.agentProfiles(storedProfiles), ranked),
                    context.registerService(QueueActions.class,
                            offered.queueActions(storedQueueActions.pauseReasons()), ranked),
                    context.registerService(HubStatus.class, offered.status(), null));
        }
        connecting.execute(() -> connect(offered)); // never block activation on the network
    }

    /** The hub the launch names, if it names one: it wins over the settings. */
    private static Optional<HubLogin> launched(BundleContext context) {
        String servers = context.getProperty(SERVERS);
        if (servers == null || servers.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new HubLogin(Arrays.stream(servers.split(",")).map(String::trim).toList(),
                String.valueOf(context.getProperty(USER)), System.getenv().getOrDefault(PASSWORD, ""),
                Optional.ofNullable(context.getProperty(CERTIFICATE)).filter(path -> !path.isBlank()).map(Path::of)));
    }

    /** Until it succeeds: a desktop started while the hub or NATS is down connects once they are back. */
    private void connect(HubDesktop desktop) {
        try {
            desktop.connect();
            LOG.info("Hub mode: connected as {} ({})", desktop.identity().user(), desktop.identity().role());
        } catch (IOException e) {
            LOG.error("Hub mode: cannot reach the hub, trying again in {} s: {}", RETRY.toSeconds(),
                    e.getMessage());
            connecting.schedule(() -> connect(desktop), RETRY.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        connecting.shutdownNow();
        registrations.forEach(ServiceRegistration::unregister);
        registrations = List.of();
        if (desktop != null) {
            desktop.close();
        }
    }
}
