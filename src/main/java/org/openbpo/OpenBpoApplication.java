package org.openbpo;

import org.openbpo.cli.OpenBpoCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import picocli.CommandLine;

@SpringBootApplication
@EnableScheduling
public class OpenBpoApplication {

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpenBpoCommand()).execute(args));
    }
}
