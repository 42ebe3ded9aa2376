package org.amicus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelChange;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;

/**
 * {@code channels}: the live channels once listed by the PBX; with {@code --watch}, those and then every change as it
 * happens, until standard input ends (exit 0), the run is interrupted, or the connection is given up for good. A lost
 * connection that comes back is said on stderr, and the channels are set right by the registry's resync.
 */
final class ChannelWatch implements ChannelListener, ConnectionStatusListener {

    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);

    private final AmiConnection connection;
    private final ChannelRegistry registry;
    private final Output output;
    private final CompletableFuture<ConnectionStatus> givenUp = new CompletableFuture<>();
    // Guarded by this: changes count from the first listing on (before it, they are in it), until the watch ends.
    private boolean listed;
    private boolean ended;
    private ConnectionState lastState = ConnectionState.CONNECTED;

    ChannelWatch(AmiConnection connection, ChannelRegistry registry, Output output) {
        this.connection = connection;
        this.registry = registry;
        this.output = output;
    }

    /** Prints the live channels once. */
    static Exit list(ChannelRegistry registry, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        CompletableFuture<ChannelSnapshot> listing = registry.nextResync();
        pbx.connect(login);
        ChannelSnapshot snapshot = pbx.await(listing, LISTING_TIMEOUT, Messages.awaitChannels);
        if (!output.json()) {
            output.line(ChannelFormat.HEADING);
        }
        Instant now = Instant.now();
        snapshot.calls().values().stream().flatMap(List::stream)
                .forEach(channel -> output.result(ChannelFormat.json(channel), ChannelFormat.text(channel, now)));
        return Exit.OK;
    }

    Exit run(Login login, PbxSession pbx, Terminal terminal) throws ExecutionException, InterruptedException {
        CompletableFuture<Void> inputEnded = endOf(terminal.in());
        registry.addListener(this);
        // Completed on the event thread right after the listing's own changes, before any later one.
        registry.nextResync().whenComplete(this::start);
        try {
            pbx.connect(login);
            if (pbx.hub() == null) {   // the hub's connection keeps itself up: its watch runs on through outages
                connection.addStatusListener(this);
            }
            CompletableFuture.anyOf(inputEnded, terminal.interrupted(), givenUp).get();
        } finally {
            end();
        }
        if (givenUp.isDone()) {
            throw new CliFailure(Exit.CONNECTION_LOST, givenUp.get().describe());
        }
        return inputEnded.isDone() ? Exit.OK : Exit.INTERRUPTED;
    }

    private synchronized void start(ChannelSnapshot snapshot, Throwable failure) {
        if (ended) {
            return;
        }
        listed = true;
        if (failure != null) {
            output.message(Messages.bind(Messages.cannotList, failure.getLocalizedMessage()));
            return;
        }
        snapshot.calls().values().stream().flatMap(List::stream)
                .forEach(channel -> print(new ChannelChange(ChannelChange.Kind.ADDED, channel, null)));
    }

    private synchronized void end() {
        ended = true;
        connection.removeStatusListener(this);
        registry.removeListener(this);
    }

    @Override
    public synchronized void channelsChanged(List<ChannelChange> changes) {
        if (listed && !ended) {
            changes.forEach(this::print);
        }
    }

    private void print(ChannelChange change) {
        String sign = switch (change.kind()) {
            case ADDED -> "+";
            case CHANGED -> "~";
            case REMOVED -> "-";
        };
        Instant now = Instant.now();
        output.result(new Json().put("change", change.kind().name()).put("channel", ChannelFormat.json(change.channel())),
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + sign + " "
                        + ChannelFormat.text(change.channel(), now));
    }

    @Override
    public synchronized void statusChanged(ConnectionStatus status) {
        ConnectionState state = status.state();
        if (state == ConnectionState.FAILED || state == ConnectionState.DISCONNECTED) {
            givenUp.complete(status);
        } else if (state != lastState && state != ConnectionState.CONNECTING) {
            output.message(status.describe());
        }
        lastState = state;
    }

    /** Completes when the input ends (or cannot be read); a daemon thread reads and discards it meanwhile. */
    private static CompletableFuture<Void> endOf(InputStream in) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread.ofPlatform().name("amicus-cli-input").daemon().start(() -> {
            byte[] discarded = new byte[1024];
            try {
                while (in.read(discarded) >= 0) {
                    // only the end matters
                }
            } catch (IOException e) {
                // an input that cannot be read has ended
            }
            ended.complete(null);
        });
        return ended;
    }
}
