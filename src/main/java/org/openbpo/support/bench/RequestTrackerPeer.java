package org.openbpo.support.bench;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.bench.CpuMeter;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tickets benchmark's peer: Debian's {@code request-tracker5} on this machine, with its own
 * database on the benchmark's PostgreSQL, served by its standalone prefork server (Starlet, as
 * {@code rt-server} starts it, with keep-alive connections) and driven through its REST2 API by the
 * same load generator with the same tickets. It is configured as installed, with its own site
 * configuration file so the system's RT is left alone; outgoing mail goes to RT's test sink.
 */
final class RequestTrackerPeer implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/share/request-tracker5/libexec/rt-server");
    private static final Path SETUP = Path.of("/usr/sbin/rt-setup-database");
    private static final Path LIBRARY = Path.of("/usr/share/request-tracker5/lib");
    private static final String DATABASE = "rt_bench";
    private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*$");

    /** The PostgreSQL server's JDBC URL up to the database name; its superuser is trusted locally. */
    private final String serverUrl;
    private final Path directory;
    private final Process server;
    private final int port;
    private final String token;
    private @Nullable String session;

    private RequestTrackerPeer(String serverUrl, Path directory, Process server, int port, String token) {
        this.serverUrl = serverUrl;
        this.directory = directory;
        this.server = server;
        this.port = port;
        this.token = token;
    }

    static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(SETUP);
    }

    /**
     * Creates RT's database on the PostgreSQL behind {@code jdbcUrl} (its superuser must be trusted
     * locally, as the embedded server's is), an API token for RT's root user, and starts the server
     * with {@code workers} prefork workers.
     */
    static RequestTrackerPeer start(String jdbcUrl, int workers) throws IOException, InterruptedException, SQLException {
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("Cannot read the PostgreSQL host and port from " + jdbcUrl);
        }
        String host = url.group(1);
        String databasePort = url.group(2) == null ? "5432" : url.group(2);
        String serverUrl = "jdbc:postgresql://" + host + ":" + databasePort + "/";
        dropDatabase(serverUrl);
        Path directory = Files.createTempDirectory("openbpo-request-tracker");
        Files.createDirectories(directory.resolve("site.d"));
        int port = freePort();
        Files.writeString(directory.resolve("RT_SiteConfig.pm"), """
                Set($rtname, 'openbpo-bench');
                Set($Organization, 'openbpo-bench');
                Set($WebPath, '');
                Set($WebDomain, 'localhost');
                Set($WebPort, %d);
                Set($WebBaseURL, 'http://localhost:%d');
                Set($DatabaseType, 'Pg');
                Set($DatabaseHost, '%s');
                Set($DatabaseRTHost, '%s');
                Set($DatabasePort, '%s');
                Set($DatabaseName, '%s');
                Set($DatabaseUser, '%s');
                Set($DatabasePassword, '%s');
                Set($DatabaseAdmin, 'postgres');
                Set($LogToSTDERR, 'error');
                Set($LogToSyslog, undef);
                Set($LogToFile, undef);
                Set($MailCommand, 'testfile');
                1;
                """.formatted(port, port, host, host, databasePort, DATABASE, DATABASE, DATABASE));
        run(directory, "setup.log", List.of(SETUP.toString(), "--action", "init", "--dba", "postgres", "--dba-password", ""));
        String token = createToken(directory);
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString(), "--port", Integer.toString(port),
                "--max-workers", Integer.toString(workers), "--max-keepalive-reqs", "100000", "--keepalive-timeout", "30")
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile());
        environment(builder, directory);
        Process server = builder.start();
        RequestTrackerPeer peer = new RequestTrackerPeer(serverUrl, directory, server, port, token);
        try {
            peer.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** The installed package's version, as dpkg knows it. */
    static String version() {
        try {
            Process query = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "request-tracker5").redirectErrorStream(true).start();
            String version = new String(query.getInputStream().readAllBytes()).strip();
            return query.waitFor() == 0 ? version : "(version unknown)";
        } catch (IOException e) {
            return "(version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(version unknown)";
        }
    }

    /**
     * The load generator for RT's REST2 ticket endpoint: the same subject, text and requester per
     * ticket. Requests carry the session cookie of one login rather than the API token: RT checks a
     * token (or a password) with a deliberately slow hash on every request, about 240 ms of CPU here,
     * while a session is checked once, so this is RT's cheapest way in for a client's system.
     */
    TicketRequests requests() throws IOException, InterruptedException {
        if (session == null) {
            session = logIn();
        }
        return new TicketRequests("localhost", port, "/REST/2.0/ticket", "Cookie: " + session, n ->
                "{\"Queue\":\"General\",\"Subject\":\"" + TicketRequests.subject(n) + "\",\"Requestor\":\""
                        + TicketRequests.customerEmail(n) + "\",\"Content\":\"" + TicketRequests.description(n) + "\"}");
    }

    /** Logs RT's root user in through the web login form; the answer's session cookie ("name=value"). */
    private String logIn() throws IOException, InterruptedException {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/NoAuth/Login.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=root&pass=password")).build(), HttpResponse.BodyHandlers.discarding());
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("RT_SID_"))
                .map(cookie -> cookie.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("Request Tracker's login gave no session (HTTP " + answer.statusCode() + ")"));
    }

    /** CPU time RT's server and its workers have used so far. */
    long cpuNanos() {
        return CpuMeter.processTreeNanos(server.pid());
    }

    /** Tickets in RT's database. */
    long ticketsStored() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + DATABASE, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from tickets")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            dropDatabase(serverUrl);
        } catch (SQLException e) {
            System.err.println("Request Tracker's benchmark database was not dropped: " + e.getMessage());
        }
    }

    /** Removes RT's database and its role, left from an earlier run or after this one. */
    private static void dropDatabase(String serverUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("drop role if exists " + DATABASE);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/REST/2.0/queues/all"))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Request Tracker's server ended; see " + directory.resolve("server.log"));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the server is still loading RT
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Request Tracker's server did not answer within 120 s; see " + directory.resolve("server.log"));
    }

    /** An API token for RT's root user, made with RT's own library (RT stores only its hash). */
    private static String createToken(Path directory) throws IOException, InterruptedException {
        String script = """
                use RT; RT::LoadConfig(); RT::Init();
                my $user = RT::User->new(RT->SystemUser); $user->Load('root');
                my $token = RT::AuthToken->new(RT->SystemUser);
                my ($id, $message, $value) = $token->Create(Owner => $user->Id, Description => 'OpenBPO benchmark');
                die "no token: $message\\n" unless $id;
                print "TOKEN=$value\\n";
                """;
        String output = run(directory, "token.log", List.of("perl", "-I" + LIBRARY, "-e", script));
        return output.lines().filter(line -> line.startsWith("TOKEN=")).map(line -> line.substring(6).strip()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Request Tracker made no API token; see " + directory.resolve("token.log")));
    }

    private static String run(Path directory, String log, List<String> command) throws IOException, InterruptedException {
        // Standard input is empty: rt-setup-database asks for the superuser's password, which is none.
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(directory.resolve(log).toFile());
        environment(builder, directory);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " failed; see " + directory.resolve(log));
        }
        return Files.readString(directory.resolve(log));
    }

    private static void environment(ProcessBuilder builder, Path directory) {
        Map<String, String> environment = builder.environment();
        environment.put("RT_SITE_CONFIG", directory.resolve("RT_SiteConfig.pm").toString());
        environment.put("RT_SITE_CONFIG_DIR", directory.resolve("site.d").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
