package vn.dvk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mountain commune's signal, between the browser and the server: a TCP relay the test cuts and
 * restores. DevTools' offline emulation belongs to the page alone — a service worker's own requests
 * (its Background Sync sends, its network-first reads) are not cut by it — so the browser talks to the
 * server only through this relay, and "offline" means both: the page told so (navigator.onLine, the
 * online event) and every connection refused, whoever opens it. It can also lose one answer: the
 * request reaches the server, which does its work, and the reply never comes back.
 */
final class SwitchableNetwork implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;
    private volatile String loseAnswerTo;
    private final AtomicInteger answersLost = new AtomicInteger();
    private final Set<String> requestsSeen = ConcurrentHashMap.newKeySet();

    SwitchableNetwork(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "switchable-network");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void down() {
        up = false;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    void up() {
        up = true;
    }

    /** The next request whose first line starts with {@code requestLine} is served, and its answer lost. */
    void loseTheAnswerTo(String requestLine) {
        loseAnswerTo = requestLine;
    }

    int answersLost() {
        return answersLost.get();
    }

    /** How many requests passed whose first line starts so (a request line is counted once per connection chunk). */
    long requestsSeen(String requestLine) {
        return requestsSeen.stream().filter(seen -> seen.startsWith(requestLine)).count();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                if (!up) {
                    closeQuietly(browser);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(browser);
                sockets.add(server);
                AtomicBoolean swallow = new AtomicBoolean();
                pump(browser, server, swallow, true);
                pump(server, browser, swallow, false);
            } catch (IOException e) {
                // the listener closed, or the server refused: the browser sees a broken connection
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean swallow, boolean request) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (request) {
                        String start = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
                        if (start.contains(" HTTP/1.1")) {
                            requestsSeen.add(start.substring(0, start.indexOf(" HTTP/1.1")) + " #" + requestsSeen.size());
                        }
                        String lose = loseAnswerTo;
                        if (lose != null && start.startsWith(lose)) {
                            loseAnswerTo = null;
                            swallow.set(true);
                        }
                    } else if (swallow.get()) {
                        // the server has answered, so it has done the work: the browser never hears of it
                        answersLost.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a cut connection ends the pump
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "switchable-network-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
        listener.close();
    }
}
