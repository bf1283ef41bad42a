package org.openbpo.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that takes every message (250 to EHLO, MAIL, RCPT and the data) and then, when
 * the client says QUIT, resets the connection instead of answering: a mail it has taken whose
 * goodbye fails. Keeps the messages it took, as text.
 */
public final class HangingUpSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public HangingUpSmtpServer() throws IOException {
        socket = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket connection = socket.accept();
                    Thread.ofVirtual().start(() -> converse(connection));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The messages taken, as they came (headers and body). */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    private void converse(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            answer(out, "220 hanging-up.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("QUIT")) {
                    connection.setSoLinger(true, 0); // closing now sends a reset, not an answer
                    return;
                } else if (command.startsWith("DATA")) {
                    answer(out, "354 go ahead");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    messages.add(message.toString());
                    answer(out, "250 taken");
                } else {
                    answer(out, "250 ok");
                }
            }
        } catch (IOException dropped) {
            // the client went away
        }
    }

    private static void answer(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
