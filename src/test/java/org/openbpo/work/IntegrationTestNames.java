package org.openbpo.work;

import java.util.concurrent.atomic.AtomicInteger;

final class IntegrationTestNames {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IntegrationTestNames() {
    }

    static String email(String who) {
        return who + "." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet() + "@work.test";
    }
}
