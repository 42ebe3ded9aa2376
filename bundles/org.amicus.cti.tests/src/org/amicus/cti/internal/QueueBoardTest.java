package org.amicus.cti.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.CallQueue;
import org.junit.jupiter.api.Test;

/**
 * What the real PBX cannot be made to show on demand: a day that ends, and callers who waited longer than the service
 * level (20 s on the test PBX). The events are shaped as Asterisk 22 sends them (see the queue tests on the real PBX).
 */
class QueueBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-30T23:59:00Z");

    private final QueueBoard board = new QueueBoard();

    @Test
    void theServiceLevelCountsCallersAnsweredWithinItOfThoseAnsweredOrAbandoned() {
        listSales();
        apply("AgentConnect", "HoldTime", "5");
        apply("AgentConnect", "HoldTime", "20");
        apply("AgentConnect", "HoldTime", "21");
        apply("QueueCallerAbandon", "HoldTime", "3");

        CallQueue sales = sales();
        assertEquals(3, sales.answered());
        assertEquals(1, sales.abandoned());
        assertEquals(2, sales.answeredInServiceLevel());
        assertEquals(50.0, sales.serviceLevelPercent().getAsDouble());
    }

    @Test
    void theDaysFiguresStartAgainAtMidnight() {
        board.rollOver(LocalDate.of(2026, 11, 30));
        listSales();
        apply("AgentConnect", "HoldTime", "5");
        apply("QueueCallerAbandon", "HoldTime", "3");
        assertFalse(board.rollOver(LocalDate.of(2026, 11, 30)));

        assertTrue(board.rollOver(LocalDate.of(2026, 12, 1)));

        CallQueue sales = sales();
        assertEquals(0, sales.answered());
        assertEquals(0, sales.abandoned());
        assertTrue(sales.serviceLevelPercent().isEmpty());
    }

    private void listSales() {
        board.expectListing("amicus-queues-1");
        apply("QueueParams", "ActionID", "1#amicus-queues-1", "ServiceLevel", "20");
        apply("QueueStatusComplete", "ActionID", "1#amicus-queues-1", "EventList", "Complete");
    }

    private CallQueue sales() {
        return board.snapshot().byName("sales").orElseThrow();
    }

    private void apply(String name, String... headers) {
        List<Map.Entry<String, String>> event = new ArrayList<>(List.of(Map.entry("Event", name),
                Map.entry("Queue", "sales"), Map.entry("Uniqueid", "1796011814." + name.length())));
        for (int i = 0; i < headers.length; i += 2) {
            event.add(Map.entry(headers[i], headers[i + 1]));
        }
        board.apply(new AmiEvent(event, null), NOW);
    }
}
