package org.openbpo.shared.bench;

import java.util.Map;

/**
 * A benchmark that {@code ./openbpo bench <name>} can run. Modules contribute them as Spring beans;
 * each generates its own data, warms up, measures and reports its figures.
 */
public interface Benchmark {

    String name();

    String description();

    BenchReport run(BenchOptions options) throws Exception;

    /**
     * Options for the benchmark's smallest run: seconds instead of minutes, without peers that need more than
     * this JVM, every check still made. {@code ./openbpo bench --smoke} runs each benchmark so, and the test
     * suite runs that, so a benchmark that no longer starts is seen the day it breaks.
     */
    Map<String, String> smallest();
}
