package org.openbpo;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The application; started by the command line in {@code org.openbpo.cli.OpenBpoMain}. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class OpenBpoApplication {
}
