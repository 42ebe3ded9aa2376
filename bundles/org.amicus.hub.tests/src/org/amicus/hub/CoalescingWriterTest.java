package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The writer the hub's publishers share, alone: what it is told to write, and what waiting for it means. */
class CoalescingWriterTest {

    @Test
    void whoAwaitsTheWritesAwaitsAFailedOneTriedAgainToo() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        BlockingQueue<List<String>> attempts = new LinkedBlockingQueue<>();
        AtomicInteger passes = new AtomicInteger();
        CoalescingWriter<String> writer = new CoalescingWriter<>("test-writer", batch -> {
            attempts.add(batch);
            if (passes.incrementAndGet() == 1) {   // the first pass fails, as while the servers refuse writes
                await(firstMayEnd);
                return batch;
            }
            return List.of();
        }, TestRoster.ALWAYS);
        writer.start();
        try {
            writer.mark("call");
            assertEquals(List.of("call"), attempts.poll(10, TimeUnit.SECONDS), "the first pass");
            CompletableFuture<Boolean> written = CompletableFuture.supplyAsync(() -> awaitWritten(writer));
            firstMayEnd.countDown();

            assertTrue(written.get(20, TimeUnit.SECONDS), "written within the wait");
            assertEquals(List.of("call"), attempts.poll(), "tried again before the wait ended");
            assertEquals(2, passes.get(), "written at the second pass");
        } finally {
            writer.close();
        }
    }

    @Test
    void aWriterThatMayNotWriteHoldsItsWritesUntilItMay() throws Exception {
        AtomicBoolean may = new AtomicBoolean();
        CountDownLatch askedTwice = new CountDownLatch(2);
        BlockingQueue<List<String>> written = new LinkedBlockingQueue<>();
        CoalescingWriter<String> writer = new CoalescingWriter<>("test-writer", batch -> {
            written.add(batch);
            return List.of();
        }, () -> {   // as a hub whose lease was not renewed lately
            askedTwice.countDown();
            return may.get();
        });
        writer.start();
        try {
            writer.mark("call");
            assertTrue(askedTwice.await(10, TimeUnit.SECONDS), "asked again after a pause");
            assertTrue(written.isEmpty(), "nothing written while it may not write");
            assertFalse(writer.awaitWritten(Duration.ZERO), "still to write");

            may.set(true);
            assertEquals(List.of("call"), written.poll(10, TimeUnit.SECONDS), "written once it may");
            assertTrue(writer.awaitWritten(Duration.ofSeconds(10)), "nothing left to write");
        } finally {
            writer.close();
        }
    }

    private static boolean awaitWritten(CoalescingWriter<String> writer) {
        try {
            return writer.awaitWritten(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "let go");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
