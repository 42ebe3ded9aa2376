package org.amicus.ami;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * The one connection of this workstation to an Asterisk PBX over AMI. Available as an OSGi service. Nothing here
 * blocks: connecting, logging in and sending actions complete their futures on the connection's own threads.
 * Besides the listeners added here, every {@link AmiEventListener} registered as an OSGi service hears the events.
 */
public interface AmiConnection {

    /** The current status; {@link ConnectionStatus#INITIAL} until the first {@link #connect}. */
    ConnectionStatus status();

    /**
     * Connects and logs in, replacing any current connection. The future completes when logged in, or
     * exceptionally with an {@link AmiException} whose message a person can act on. Once connected, a lost
     * connection is re-established by itself (status {@link ConnectionState#RECONNECTING}) until
     * {@link #disconnect()}, or until the PBX refuses the login.
     *
     * @param secret the AMI secret; used for this login only, never logged or shown
     */
    CompletableFuture<Void> connect(AmiProfile profile, String secret, ConnectionOptions options);

    /** Connects with the {@link ConnectionOptions#DEFAULT default options}. */
    default CompletableFuture<Void> connect(AmiProfile profile, String secret) {
        return connect(profile, secret, ConnectionOptions.DEFAULT);
    }

    /** Logs off and closes the connection. The future completes once it is closed. */
    CompletableFuture<Void> disconnect();

    /**
     * Sends an action and completes with its successful response. Completes exceptionally with an
     * {@link AmiException} if not connected or if the PBX answers with an error (an {@link AmiPermissionException}
     * if the AMI user lacks the permission), or with a {@link java.util.concurrent.TimeoutException} if no response
     * came within the timeout.
     */
    CompletableFuture<ManagerResponse> send(ManagerAction action, Duration timeout);

    /**
     * Sends an action that answers with a list of events (e.g. {@code CoreShowChannels}) and completes with the
     * events up to the list's end, which must come within the timeout. The list's events also reach the listeners,
     * in order with all others. Fails as {@link #send} does.
     */
    CompletableFuture<List<AmiEvent>> sendList(ManagerAction action, Duration timeout);

    /**
     * Originates a call and completes with its outcome, exactly once: answered, no answer, busy, congested, failed
     * (with the hang-up cause when the PBX gives one), connection lost, or timeout. Completes exceptionally with an
     * {@link AmiException} if not connected or if the PBX refuses the request (for example for lack of permission).
     */
    CompletableFuture<OriginateOutcome> originate(OriginateRequest request);

    /** How many events were dropped since this service started because listeners could not keep up. */
    long droppedEvents();

    void addEventListener(AmiEventListener listener);

    void removeEventListener(AmiEventListener listener);

    /** Adds a listener and tells it the current status at once. */
    void addStatusListener(ConnectionStatusListener listener);

    void removeStatusListener(ConnectionStatusListener listener);
}
