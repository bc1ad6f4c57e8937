package dev.faqkb.feedback;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import dev.faqkb.H2TcpServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The database down and back, on an H2 server in this JVM: runs everywhere, no PostgreSQL
 * needed.
 */
class H2ServerDownTests extends DatabaseDownContract {

	private final String database = "mem:faqkb-down-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private Server server;

	@BeforeEach
	void startServer() throws Exception {
		server = H2TcpServer.start();
	}

	@AfterEach
	void stopServer() {
		server.stop();
	}

	@Override
	String serverHost() {
		return "127.0.0.1";
	}

	@Override
	int serverPort() {
		return server.getPort();
	}

	@Override
	Map<String, String> databaseThrough(int proxyPort) {
		return Map.of("spring.datasource.url", "jdbc:h2:tcp://127.0.0.1:" + proxyPort + "/" + database,
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	@Override
	Connection connectDirectly() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + serverPort() + "/" + database, "sa", "");
	}

}
