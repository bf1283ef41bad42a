package org.openbpo.cli;

import picocli.CommandLine.Command;

@Command(name = "openbpo", mixinStandardHelpOptions = true, version = "OpenBPO 0.1",
        description = "The operations platform of a business process outsourcing provider.",
        subcommands = {ServeCommand.class, DemoCommand.class, BenchCommand.class, AuditCommand.class})
public class OpenBpoCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
