package org.amicus.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.amicus.testing.ui.DisplaySynchronize;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * The Channels part, made by e4 dependency injection in a real SWT shell as the workbench makes it, fed by Amicus's
 * pipeline from the replay server. Once the standing channels are shown, it measures for a while how busy the UI
 * thread is (the share of time the event loop is not asleep) and how often the part refreshes (each refresh reads
 * one registry snapshot). Since the part refreshes only when a channel changed, it also counts the tenths of a second
 * in which some channel changed (the most refreshes the part could have made at ten a second) and how long a change
 * waited for the snapshot that took it in (from the first change no snapshot had taken in yet).
 * <p>
 * Usage: {@code UiBench PORT CHANNELS SECONDS [calls]} ({@code calls}: in the Calls presentation, chosen once the
 * channels are shown); prints {@code RESULT busy=<per mille> refreshes=<per 100 s> changed=<tenths with a change per
 * 100 s> waitp50=<µs> waitp99=<µs> waitmax=<µs> snapshotp50=<µs> snapshotp99=<µs> channels=<shown>
 * arranging=<per mille of a core: the part's thread that filters, sorts and groups the rows>}.
 */
public final class UiBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int standing = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        boolean calls = args.length > 3 && args[3].equals("calls");
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("Amicus");
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 600);
        AmicusPipeline amicus = new AmicusPipeline();
        CountingRegistry registry = new CountingRegistry(amicus.registry());
        EnglishMessages.install();
        IEclipseContext context = EclipseContextFactory.create("benchmark");
        context.set(Composite.class, shell);
        context.set(UISynchronize.class, new DisplaySynchronize(display));
        context.set(ChannelRegistry.class, registry);
        context.set(AmiConnection.class, amicus.connection());
        ChannelsPart part = ContextInjectionFactory.make(ChannelsPart.class, context);
        shell.open();
        amicus.connect(port, new Tally(0));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (part.rows().size() < standing && System.nanoTime() < deadline) {
            spin(display);
        }
        int shown = part.rows().size();
        if (calls) { // as the agent chooses it: the presentation's combo
            Combo presentation = find(shell, WidgetIds.CHANNELS_PRESENTATION);
            presentation.select(1);
            presentation.notifyListeners(SWT.Selection, new Event());
        }
        registry.measureFromNow();
        ArrangingThread arranging = new ArrangingThread();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        long asleep = 0;
        while (System.nanoTime() < end) {
            while (display.readAndDispatch()) {
                // UI work: this is what counts as busy
            }
            long sleeping = System.nanoTime();
            display.timerExec(50, () -> { }); // wakes the loop to look at the clock
            display.sleep();
            asleep += System.nanoTime() - sleeping;
        }
        long wall = System.nanoTime() - started;
        long arrangingCpu = arranging.cpuSince();
        Latencies waits = registry.waits();
        Latencies snapshotTimes = registry.snapshotTimes();
        System.out.printf("RESULT busy=%d refreshes=%d changed=%d waitp50=%d waitp99=%d waitmax=%d snapshotp50=%d "
                + "snapshotp99=%d channels=%d arranging=%d%n", 1000 * (wall - asleep) / wall,
                registry.snapshots.get() * 100_000_000_000L / wall,
                registry.tenthsChanged.get() * 100_000_000_000L / wall, micros(waits.percentile(50)),
                micros(waits.percentile(99)), micros(waits.max()), micros(snapshotTimes.percentile(50)),
                micros(snapshotTimes.percentile(99)), calls ? shown : part.rows().size(),
                1000 * arrangingCpu / wall);
        System.exit(0);
    }

    /** The part's own thread, which arranges the rows: its processor time. */
    private static final class ArrangingThread {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long id = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("Amicus channel rows")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the part has no thread arranging its rows"))
                .threadId();
        private final long start = threads.getThreadCpuTime(id);

        long cpuSince() {
            return threads.getThreadCpuTime(id) - start;
        }
    }

    private static long micros(double millis) {
        return Double.isNaN(millis) ? -1 : Math.round(millis * 1000);
    }

    private static Combo find(Composite parent, String id) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Combo combo && id.equals(combo.getData(WidgetIds.KEY))) {
                return combo;
            }
            if (child instanceof Composite composite && find(composite, id) != null) {
                return find(composite, id);
            }
        }
        return null;
    }

    private static void spin(Display display) {
        while (display.readAndDispatch()) {
            // until idle
        }
        display.timerExec(50, () -> { });
        display.sleep();
    }

    /**
     * The registry, counting the snapshots taken (the part takes one per refresh), the tenths of a second with a
     * change, how long changes waited for a snapshot and how long the registry took to make it.
     */
    private static final class CountingRegistry implements ChannelRegistry {

        private static final long TENTH = 100_000_000L;

        final AtomicLong snapshots = new AtomicLong();
        final AtomicLong tenthsChanged = new AtomicLong();
        private final ChannelRegistry registry;
        private volatile boolean measuring;
        private long lastTenth = -1; // dispatch thread only
        /** When the oldest change no snapshot has taken in yet came; 0 when there is none. */
        private final AtomicLong firstUntaken = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> snapshotTimes = new ConcurrentLinkedQueue<>();

        CountingRegistry(ChannelRegistry registry) {
            this.registry = registry;
            registry.addListener(changes -> changed(System.nanoTime())); // before the part's: it sees a change first
        }

        void measureFromNow() {
            snapshots.set(0);
            firstUntaken.set(0);
            measuring = true;
        }

        private void changed(long now) {
            if (!measuring) {
                return;
            }
            firstUntaken.compareAndSet(0, now);
            if (now / TENTH != lastTenth) {
                lastTenth = now / TENTH;
                tenthsChanged.incrementAndGet();
            }
        }

        Latencies waits() {
            return new Latencies(waits.stream().mapToLong(Long::longValue).toArray());
        }

        /** How long the registry took to make each snapshot. */
        Latencies snapshotTimes() {
            return new Latencies(snapshotTimes.stream().mapToLong(Long::longValue).toArray());
        }

        @Override
        public ChannelSnapshot snapshot() {
            long asked = System.nanoTime();
            long first = firstUntaken.getAndSet(0);
            if (first != 0) {
                waits.add(asked - first);
            }
            snapshots.incrementAndGet();
            ChannelSnapshot snapshot = registry.snapshot();
            if (measuring) {
                snapshotTimes.add(System.nanoTime() - asked);
            }
            return snapshot;
        }

        @Override
        public Optional<String> resyncProblem() {
            return registry.resyncProblem();
        }

        @Override
        public CompletableFuture<ChannelSnapshot> nextResync() {
            return registry.nextResync();
        }

        @Override
        public void addListener(ChannelListener listener) {
            registry.addListener(listener);
        }

        @Override
        public void removeListener(ChannelListener listener) {
            registry.removeListener(listener);
        }
    }
}
