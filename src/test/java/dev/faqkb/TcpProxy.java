package dev.faqkb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy between the application and its database server that a test can
 * cut, as if the server had stopped: open connections are closed and new ones are closed
 * as soon as they arrive; {@link #restore()} lets them through again. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private TcpProxy(String targetHost, int targetPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static TcpProxy to(String host, int port) throws IOException {
		return new TcpProxy(host, port);
	}

	public int port() {
		return listener.getLocalPort();
	}

	/**
	 * Closes every connection and refuses new ones, like a database server that stopped.
	 */
	public void cut() {
		cut = true;
		open.forEach(TcpProxy::closeQuietly);
		open.clear();
	}

	public void restore() {
		cut = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(listener);
	}

	private void accept() {
		while (!listener.isClosed()) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException closed) {
				return;
			}
			if (cut) {
				closeQuietly(client);
				continue;
			}
			try {
				Socket server = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(server);
				if (cut) { // cut while this one was connecting
					closeQuietly(client);
					closeQuietly(server);
					continue;
				}
				pump(client, server);
				pump(server, client);
			}
			catch (IOException unreachable) {
				closeQuietly(client);
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException closed) {
				// One side went away: the other goes too.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// Closing is all we wanted.
		}
	}

}
