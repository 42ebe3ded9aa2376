package org.amicus.reliability.tests;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the connection stack holds of the JVM at one moment: its threads (Amicus's and asterisk-java's, counted by
 * name with the numbers left out, since every connection numbers its own), all live threads, and the heap in use
 * after garbage collection. asterisk-java's event pumps are counted apart: each one ends only once the reader it
 * served has been garbage collected, so their number follows the collector, not the connections.
 *
 * @param stackThreads the threads of Amicus and asterisk-java but its event pumps, by name
 * @param eventPumps   asterisk-java's event pump threads
 * @param allThreads   every live thread of the JVM
 * @param heapBytes    heap in use after a full collection
 */
record Resources(Map<String, Integer> stackThreads, long eventPumps, int allThreads, long heapBytes) {

    private static final String PUMP = ":AsyncEventPump";

    static Resources measure() {
        for (int i = 0; i < 3; i++) {
            System.gc(); // the JVM's default collector (G1) runs a full collection for it
        }
        List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("amicus-") || name.startsWith("Asterisk-Java")).toList();
        Map<String, Integer> threads = new TreeMap<>();
        // The pools that run callers' continuations grow with their concurrency and shrink when idle: not a leak.
        names.stream().filter(name -> !name.endsWith(PUMP) && !name.endsWith("-callbacks"))
                .forEach(name -> threads.merge(name.replaceAll("[0-9]+", "#"), 1, Integer::sum));
        return new Resources(threads, names.stream().filter(name -> name.endsWith(PUMP)).count(),
                ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    String describe() {
        return allThreads + " threads (" + stackThreads + ", " + eventPumps + " asterisk-java event pumps), "
                + heapBytes / 1024 + " KiB heap after GC";
    }
}
