package io.github.camelkusto.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of a local service (Azurite) that misbehaves on demand, as a storage
 * endpoint does in an outage:
 * <ul>
 * <li>{@link Fault#NONE}: forwards both ways;</li>
 * <li>{@link Fault#STALL}: accepts connections, reads what is sent, never answers;</li>
 * <li>{@link Fault#DROP}: accepts connections and closes them at once (a reset or premature close);</li>
 * <li>{@link Fault#DELAY}: forwards each new connection after {@link #delay(Duration)}.</li>
 * <li>{@link Fault#UNAVAILABLE}: reads each HTTP request and answers {@code 503 Service Unavailable}, as an
 * overloaded or restarting service (or its gateway) does, without forwarding it.</li>
 * </ul>
 * A new fault applies to new connections, and closes the open ones (a client's pooled connection cannot dodge
 * it). Plain blocking sockets, a thread per pumping direction (daemon threads, all stopped by {@link #close()});
 * each loop ends when its socket closes.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with a connection. */
    public enum Fault {
        NONE, STALL, DROP, DELAY, UNAVAILABLE
    }

    private static final int BUFFER = 64 * 1024;

    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger unavailableLeft = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;

    private FaultProxy(int targetPort, ServerSocket server) {
        this.targetPort = targetPort;
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy-" + server.getLocalPort() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    /** A proxy on a free port of 127.0.0.1 forwarding to {@code targetPort} on 127.0.0.1. */
    public static FaultProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new FaultProxy(targetPort, server);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code url} (of the proxied service) with its port replaced by the proxy's. */
    public String proxied(String url) {
        return url.replace("127.0.0.1:" + targetPort, "127.0.0.1:" + port());
    }

    /** How many connections the proxy has accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Applies {@code next} to new connections and closes every open one. */
    public void fault(Fault next) {
        this.fault = next;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /**
     * Answers the next {@code connections} new connections as {@link Fault#UNAVAILABLE} does, whatever the fault,
     * and then goes on with the fault: an outage of a known number of requests, with no open connection closed.
     */
    public void unavailableFor(int connections) {
        unavailableLeft.set(connections);
    }

    /** The wait before forwarding a connection in {@link Fault#DELAY}. */
    public void delay(Duration wait) {
        this.delay = wait;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            Fault now = unavailableLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Fault.UNAVAILABLE : fault;
            if (now == Fault.DROP) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            threads.execute(() -> serve(client, now));
        }
    }

    private void serve(Socket client, Fault now) {
        try {
            if (now == Fault.STALL) {
                discard(client.getInputStream());
                return;
            }
            if (now == Fault.UNAVAILABLE) {
                answerUnavailable(client);
                return;
            }
            if (now == Fault.DELAY) {
                Thread.sleep(delay.toMillis());
            }
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(target);
            threads.execute(() -> pump(target, client));
            pump(client, target);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    /** Reads one HTTP request (head and Content-Length body), answers 503 and closes. */
    private void answerUnavailable(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                closeQuietly(client);
                return;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        byte[] body = "Service Unavailable".getBytes(StandardCharsets.US_ASCII);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        closeQuietly(client);
    }

    /** Reads until the peer or the proxy closes the connection, answering nothing. */
    private void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try {
            while (in.read(buffer) >= 0) {
                // a stalled service: everything is swallowed
            }
        } catch (SocketException e) {
            // closed by fault() or close()
        }
    }

    /** Copies {@code from} to {@code to} until either closes; then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        server.close();
        fault(Fault.DROP);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
