package org.openbpo.cli;

import org.openbpo.demo.DemoLogins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", description = "Run OpenBPO with its demo provider, clients and staff.")
class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "data", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--reset", description = "Delete the demo database and start over.")
    boolean reset;

    @Override
    public Integer call() throws Exception {
        if (reset) {
            deleteRecursively(data);
        }
        Platform platform = Platform.start(data, Map.of("server.port", port), "demo");
        System.out.printf("%nOpenBPO demo is running at http://localhost:%d%n%n", port);
        System.out.println(DemoLogins.table());
        System.out.println("API docs: http://localhost:" + port + "/api/docs   Ctrl-C stops it.");
        platform.awaitShutdown();
        return 0;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
