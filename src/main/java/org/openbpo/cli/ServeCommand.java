package org.openbpo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", description = "Run OpenBPO without demo data.")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "data", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Platform platform = Platform.start(data, Map.of("server.port", port));
        System.out.printf("%nOpenBPO is running at http://localhost:%d  (API docs: /api/docs, Ctrl-C stops it)%n", port);
        platform.awaitShutdown();
        return 0;
    }
}
