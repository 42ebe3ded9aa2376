package org.amicus.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.QueueSnapshot;
import org.amicus.cti.internal.EventQueueRegistry;
import org.amicus.cti.ui.parts.QueuesPart;
import org.amicus.testing.ui.DisplaySynchronize;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The Queues part, made by e4 dependency injection in a real SWT shell as the workbench makes it, over Amicus's queue
 * registry fed with app_queue's events as Asterisk 22 words them, on a thread of their own as the dispatch thread
 * would: QUEUES queues of MEMBERS members each (phones of their own) and CALLERS callers waiting in all. Then, at
 * RATE events a second, calls go through: the longest-waiting caller of a queue leaves it and is put through to a
 * member ({@code QueueCallerLeave}, {@code AgentConnect}, {@code QueueMemberStatus} in a call), a new caller joins
 * ({@code QueueCallerJoin}), and an earlier member is free again ({@code QueueMemberStatus}, {@code AgentComplete}):
 * the number of members and of waiting callers stays the same. It measures the UI thread as {@link UiBench} does,
 * and also the processor time the UI thread used, which a loaded machine does not inflate as it does the time the
 * thread waited for a core.
 * <p>
 * Usage: {@code QueuesUiBench QUEUES MEMBERS CALLERS RATE SECONDS}; prints {@code RESULT busy=<per mille>
 * cpu=<per mille> refreshes=<per 100 s> members=<shown> callers=<shown> events=<sent>}.
 */
public final class QueuesUiBench {

    public static void main(String[] args) throws Exception {
        int queues = Integer.parseInt(args[0]);
        int membersPerQueue = Integer.parseInt(args[1]);
        int callers = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        long seconds = Long.parseLong(args[4]);
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("Amicus");
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 700);
        EventQueueRegistry events = new EventQueueRegistry();
        CountingRegistry registry = new CountingRegistry(events);
        EnglishMessages.install();
        IEclipseContext context = EclipseContextFactory.create("benchmark");
        context.set(Composite.class, shell);
        context.set(UISynchronize.class, new DisplaySynchronize(display));
        context.set(QueueRegistry.class, registry);
        QueuesPart part = ContextInjectionFactory.make(QueuesPart.class, context);
        shell.open();

        ContactCentre centre = new ContactCentre(events, queues, membersPerQueue);
        centre.fill(callers);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((part.memberRows().size() < queues * membersPerQueue || part.callerRows().size() < callers)
                && System.nanoTime() < deadline) {
            spin(display);
        }
        if (rate > 0) { // none: the part standing still, the floor to compare with
            Thread feeder = new Thread(() -> centre.run(rate), "feeder");
            feeder.setDaemon(true);
            feeder.start();
        }

        long refreshesBefore = registry.snapshots.get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
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
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long refreshes = registry.snapshots.get() - refreshesBefore;
        System.out.printf("RESULT busy=%d cpu=%d refreshes=%d members=%d callers=%d events=%d%n",
                1000 * (wall - asleep) / wall, 1000 * cpu / wall, refreshes * 100_000_000_000L / wall, part.memberRows().size(),
                part.callerRows().size(), centre.sent.get());
        System.exit(0);
    }

    private static void spin(Display display) {
        while (display.readAndDispatch()) {
            // until idle
        }
        display.timerExec(50, () -> { });
        display.sleep();
    }

    /** The queues, their members and callers, and the events that put calls through. */
    private static final class ContactCentre {

        final AtomicLong sent = new AtomicLong();
        private final EventQueueRegistry registry;
        private final int queues;
        private final int membersPerQueue;
        private final List<Deque<String>> waiting = new ArrayList<>();
        private final Deque<String[]> busy = new ArrayDeque<>(); // queue and member in a call, oldest first
        private long callerCount;
        private long call;

        ContactCentre(EventQueueRegistry registry, int queues, int membersPerQueue) {
            this.registry = registry;
            this.queues = queues;
            this.membersPerQueue = membersPerQueue;
            for (int q = 0; q < queues; q++) {
                waiting.add(new ArrayDeque<>());
                for (int m = 0; m < membersPerQueue; m++) {
                    send("QueueMemberAdded", "Queue", queue(q), "Interface", member(q, m), "MemberName",
                            "Agent " + (q * membersPerQueue + m), "StateInterface", member(q, m), "Membership",
                            "dynamic", "Penalty", "0", "CallsTaken", "0", "LastCall", "0", "InCall", "0", "Status",
                            "1", "Paused", m % 10 == 9 ? "1" : "0", "PausedReason", m % 10 == 9 ? "Lunch" : "");
                }
            }
        }

        void fill(int callers) {
            for (int i = 0; i < callers; i++) {
                join(i % queues);
            }
        }

        /** Puts calls through at the rate, five events each, until the process ends. */
        void run(double rate) {
            long interval = (long) (5 * 1_000_000_000L / rate);
            long due = System.nanoTime();
            while (true) {
                putThrough();
                due += interval;
                LockSupport.parkNanos(due - System.nanoTime());
            }
        }

        private void putThrough() {
            int q = (int) (call % queues);
            String member = member(q, (int) (call / queues % membersPerQueue));
            call++;
            String caller = waiting.get(q).poll();
            send("QueueCallerLeave", "Queue", queue(q), "Uniqueid", caller, "Channel", channel(caller), "Count",
                    String.valueOf(waiting.get(q).size()), "Position", "1");
            send("AgentConnect", "Queue", queue(q), "Uniqueid", caller, "Channel", channel(caller), "Interface",
                    member, "MemberName", member, "HoldTime", "12", "RingTime", "3");
            send("QueueMemberStatus", "Queue", queue(q), "Interface", member, "MemberName", member,
                    "Membership", "dynamic", "Status", "2", "InCall", "1", "Paused", "0", "CallsTaken",
                    String.valueOf(call));
            join(q);
            busy.add(new String[] { queue(q), member });
            if (busy.size() > queues * membersPerQueue / 2) {
                String[] freed = busy.poll();
                send("QueueMemberStatus", "Queue", freed[0], "Interface", freed[1], "MemberName", freed[1],
                        "Membership", "dynamic", "Status", "1", "InCall", "0", "Paused", "0", "CallsTaken",
                        String.valueOf(call));
            }
        }

        private void join(int q) {
            String caller = "1796011814." + callerCount++;
            waiting.get(q).add(caller);
            send("QueueCallerJoin", "Queue", queue(q), "Uniqueid", caller, "Channel", channel(caller),
                    "CallerIDNum", "06" + (11000000 + callerCount), "CallerIDName", "Customer " + callerCount,
                    "Position", String.valueOf(waiting.get(q).size()), "Count",
                    String.valueOf(waiting.get(q).size()));
        }

        private static String queue(int q) {
            return "queue-" + q;
        }

        private String member(int q, int m) {
            return "PJSIP/" + (1000 + q * membersPerQueue + m);
        }

        private static String channel(String caller) {
            return "PJSIP/trunk-" + caller.substring(caller.indexOf('.') + 1);
        }

        private void send(String name, String... headers) {
            List<Map.Entry<String, String>> event = new ArrayList<>();
            event.add(Map.entry("Event", name));
            event.add(Map.entry("Privilege", "agent,all"));
            for (int i = 0; i < headers.length; i += 2) {
                event.add(Map.entry(headers[i], headers[i + 1]));
            }
            registry.onEvent(new AmiEvent(event, null));
            sent.incrementAndGet();
        }
    }

    /** The registry, counting the snapshots taken: the part takes one per refresh. */
    private static final class CountingRegistry implements QueueRegistry {

        final AtomicLong snapshots = new AtomicLong();
        private final QueueRegistry registry;

        CountingRegistry(QueueRegistry registry) {
            this.registry = registry;
        }

        @Override
        public QueueSnapshot snapshot() {
            snapshots.incrementAndGet();
            return registry.snapshot();
        }

        @Override
        public Optional<String> resyncProblem() {
            return registry.resyncProblem();
        }

        @Override
        public CompletableFuture<QueueSnapshot> nextResync() {
            return registry.nextResync();
        }

        @Override
        public void addListener(QueueListener listener) {
            registry.addListener(listener);
        }

        @Override
        public void removeListener(QueueListener listener) {
            registry.removeListener(listener);
        }
    }
}
