package org.openbpo.work;

import org.junit.jupiter.api.Test;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed looks its consumers up on first use, which may be two completions on two request
 * threads at once: the second must see the consumers' names, not a half-made lookup.
 */
class CompletionFeedConsumersTest {

    @Test
    void aCompletionWhileAnotherThreadIsStillLookingUpTheConsumersGetsTheirNames() throws Exception {
        CountDownLatch lookingUp = new CountDownLatch(1);
        CountDownLatch secondAsked = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        CompletedWorkConsumer slowToName = new CompletedWorkConsumer() {
            @Override
            public String consumerName() {
                if (first.getAndSet(false)) {
                    lookingUp.countDown();
                    await(secondAsked);
                }
                return "billing";
            }

            @Override
            public void accept(WorkItemCompleted completed) {
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("billing", slowToName);
        CompletionFeed feed = new CompletionFeed(null, beans.getBeanProvider(CompletedWorkConsumer.class), null,
                Clock.systemUTC(), 200, 500, 5000, 100);

        try (ExecutorService requestThreads = Executors.newFixedThreadPool(2)) {
            Future<String[]> firstCompletion = requestThreads.submit(feed::consumerNames);
            assertThat(lookingUp.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String[]> secondCompletion = requestThreads.submit(feed::consumerNames);
            String[] seenBySecond;
            try {
                seenBySecond = secondCompletion.get(10, TimeUnit.SECONDS);
            } finally {
                secondAsked.countDown();
            }

            assertThat(seenBySecond).containsExactly("billing");
            assertThat(firstCompletion.get(10, TimeUnit.SECONDS)).containsExactly("billing");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
