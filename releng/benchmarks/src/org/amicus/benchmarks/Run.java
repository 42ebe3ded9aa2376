package org.amicus.benchmarks;

/**
 * One contender's pass over the replayed stream.
 *
 * @param sent      events the server sent
 * @param seconds   from the first event sent to the end of the stream reaching the contender's listener
 * @param delivered events that reached the contender's listener
 * @param dropped   events the contender itself reported dropping
 * @param channels  live channels left in Amicus's registry at the end; -1 for the others
 * @param cpu       CPU time of the contender's process from its first event to the end, in nanoseconds
 */
record Run(String contender, double rate, long sent, double seconds, long delivered, long dropped, long channels,
        long cpu) {

    /** CPU microseconds per event delivered: the cost of an event, little moved by a busy machine. */
    double cpuMicrosPerEvent() {
        return cpu / 1e3 / Math.max(1, delivered);
    }

    double eventsPerSecond() {
        return sent / seconds;
    }

    /** Events sent that never reached the listener, whatever the reason. */
    long lost() {
        return sent - delivered;
    }
}
