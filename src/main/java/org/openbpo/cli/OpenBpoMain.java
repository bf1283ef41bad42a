package org.openbpo.cli;

import picocli.CommandLine;

/** Entry point of {@code ./openbpo}: serve, demo, bench, audit. */
public final class OpenBpoMain {

    private OpenBpoMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpenBpoCommand()).execute(args));
    }
}
