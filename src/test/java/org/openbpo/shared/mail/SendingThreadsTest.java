package org.openbpo.shared.mail;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a few mails are sent at once and a few more wait; the rest, and anything after a stop, are left for the next tick. */
class SendingThreadsTest {

    @Test
    void aFullLineOrAStoppedNodeRefusesAndEverythingAcceptedIsSent() throws Exception {
        SendingThreads threads = new SendingThreads("test-mail", 2, 3);
        CountDownLatch serverAnswers = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        Runnable slowSend = () -> {
            try {
                serverAnswers.await();
                sent.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        int accepted = 0;
        for (int i = 0; i < 8; i++) {
            if (threads.offer(slowSend)) {
                accepted++;
            }
        }
        assertThat(accepted).as("two sending and three waiting").isEqualTo(5);

        serverAnswers.countDown();
        threads.stop();
        assertThat(threads.offer(slowSend)).as("a stopped node takes nothing new").isFalse();
        assertThat(awaitSent(sent, 5)).isEqualTo(5);
    }

    private static int awaitSent(AtomicInteger sent, int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sent.get() < expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return sent.get();
    }
}
