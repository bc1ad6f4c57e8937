package dev.faqkb;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * An H2 database server in this JVM, on a free port: for tests that take the database
 * away and bring it back.
 */
public final class H2TcpServer {

	private H2TcpServer() {
	}

	/**
	 * A started server; stop it after the test. Its databases are created on first
	 * connection.
	 */
	public static Server start() throws IOException, SQLException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		return Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
	}

}
