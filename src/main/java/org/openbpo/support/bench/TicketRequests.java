package org.openbpo.support.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The tickets benchmark's load generator, lean on purpose because it shares the cores with the
 * server it measures: {@code connections} platform threads, each holding one keep-alive HTTP/1.1
 * connection and sending its next request when the last answer has arrived (as wrk does, without
 * pipelining). Requests are written as plain bytes and answers read just far enough to know their
 * status and length. The threads' own CPU time is counted, so the server's share can be told apart.
 */
final class TicketRequests {

    /** What a run did: requests that did not get a 201, and the CPU time the generator's threads used. */
    record Outcome(int failed, long generatorCpuNanos) {
    }

    private final String host;
    private final int port;
    private final String path;
    private final String credentials;
    private final IntFunction<String> body;

    /** Requests to OpenBPO's ticket API with a client's API token. */
    TicketRequests(String host, int port, String path, String token) {
        this(host, port, path, "Authorization: Bearer " + token, TicketRequests::openBpoTicket);
    }

    /** Requests to another ticket API: the header that authenticates them (whole) and the JSON body of ticket n. */
    TicketRequests(String host, int port, String path, String credentials, IntFunction<String> body) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.credentials = credentials;
        this.body = body;
    }

    /** The ticket every run raises: request n's subject, description and customer differ. */
    private static String openBpoTicket(int n) {
        return "{\"subject\":\"" + subject(n) + "\",\"description\":\"" + description(n) + "\",\"customerEmail\":\""
                + customerEmail(n) + "\",\"priority\":\"NORMAL\",\"category\":\"delivery\"}";
    }

    static String subject(int n) {
        return "Order " + n + " has not arrived";
    }

    static String description(int n) {
        return "Customer " + n + " ordered on Monday; tracking shows no movement since.";
    }

    static String customerEmail(int n) {
        return "customer" + n + "@example.com";
    }

    /** Sends requests 0…count-1 over {@code connections} connections; {@code latencies[n]} gets request n's time in nanoseconds. */
    Outcome send(int count, int connections, String prefix, long[] latencies) throws InterruptedException {
        return send(count, connections, prefix, latencies, 0);
    }

    /**
     * As {@link #send(int, int, String, long[])}, but with {@code perSecond > 0} at a fixed rate (as
     * wrk2 does): request n is due {@code n / perSecond} seconds after the start, and its latency is
     * counted from when it was due, so a request that had to wait for a free connection (the server
     * falling behind) shows its wait instead of hiding it.
     */
    Outcome send(int count, int connections, String prefix, long[] latencies, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Thread> senders = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            senders.add(Thread.ofPlatform().name("ticket-load-" + c).start(() -> {
                long started = threads.getCurrentThreadCpuTime();
                Connection connection = null;
                try {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        try {
                            if (connection == null) {
                                connection = connect();
                            }
                            byte[] request = request(n, prefix);
                            long sent = System.nanoTime();
                            if (perSecond > 0) {
                                long due = start + (long) (n * 1e9 / perSecond);
                                for (long wait = due - sent; wait > 0; wait = due - System.nanoTime()) {
                                    LockSupport.parkNanos(wait);
                                }
                                sent = due;
                            }
                            connection.out().write(request);
                            connection.out().flush();
                            Answer answer = read(connection.in());
                            latencies[n] = System.nanoTime() - sent;
                            if (answer.status() != 201) {
                                failed.incrementAndGet();
                            }
                            if (answer.close()) {
                                close(connection);
                                connection = null;
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            latencies[n] = Long.MAX_VALUE;
                            close(connection);
                            connection = null;
                        }
                    }
                } finally {
                    close(connection);
                    cpu.addAndGet(threads.getCurrentThreadCpuTime() - started);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return new Outcome(failed.get(), cpu.get());
    }

    /** A keep-alive connection; its input is buffered so an answer is not read one system call per byte. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000); // a slow peer under load answers late, but answers
        return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024), socket.getOutputStream());
    }

    private byte[] request(int n, String prefix) {
        byte[] body = this.body.apply(n).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + credentials
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + prefix + "-" + n + "-" + System.nanoTime()
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private record Answer(int status, boolean close) {
    }

    /** Reads one answer: its status line, headers and body (by Content-Length or chunks). */
    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip();
            String value = header.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].strip(), 16)) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return new Answer(status, close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The server closed the connection.");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, bytes))];
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("The server closed the connection mid-answer.");
            }
            left -= read;
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
