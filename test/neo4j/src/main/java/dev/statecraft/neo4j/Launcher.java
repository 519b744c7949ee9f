/*
 * Statecraft test/CI Neo4j launcher.
 *
 * Runs Neo4j 5.26 Community embedded (no Docker, no Neo4j install) with Bolt on 127.0.0.1 only, auth disabled and
 * LOAD CSV allowed from the import directory, for the test suites, CI and `npm run neo4j`. Started by neo4j.sh and
 * by harness.ts. When Bolt accepts connections it prints exactly one line to stdout:
 *
 *   ready bolt://127.0.0.1:<port> import=<absolute import dir>
 *
 * and keeps running until SIGTERM/SIGINT, then shuts the DBMS down cleanly and exits 0. Everything else (Neo4j's
 * own logs go to <data>/logs, stray library output) goes to stderr or files, never stdout.
 *
 * Options (all optional):
 *   --port N         Bolt port (else NEO4J_PORT, else 7687); must be a concrete port 1..65535
 *   --data DIR       Neo4j home: databases, transaction logs and logs live under it; reusing it after a stop keeps
 *                    the data (default: a fresh temp dir, deleted on exit)
 *   --import DIR     LOAD CSV root for file:/// URLs (default <data>/import, created)
 *   --pagecache SIZE page cache size such as 512m or 1g (default 1g)
 *   --transaction-timeout DURATION
 *                    db.transaction.timeout: Neo4j ends any transaction older than this (default 60s; 0 = none). The
 *                    app asks for shorter timeouts per transaction; this is the bound for every client
 *   --transaction-memory SIZE
 *                    db.memory.transaction.max: the heap one transaction may use before Neo4j ends it (default 256m),
 *                    so one query (a string doubled in a reduce) is stopped instead of exhausting the heap, which
 *                    would stop the whole JVM (-XX:+ExitOnOutOfMemoryError). All transactions together may use half
 *                    the JVM's max heap (dbms.memory.transaction.total.max)
 *   --stop-on-stdin-eof
 *                    also shut down when stdin reaches end of file: a parent that holds stdin open (harness.ts)
 *                    thereby takes Neo4j down with it even if it is killed with SIGKILL
 */
package dev.statecraft.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public final class Launcher {
  private static final String HOST = "127.0.0.1";
  private static final long AVAILABLE_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

  private static final CountDownLatch STOP_REQUESTED = new CountDownLatch(1);
  private static final Object LIFECYCLE = new Object();
  private static DatabaseManagementService dbms;
  private static Path tempHome;
  private static boolean stopped;

  private Launcher() {}

  public static void main(String[] args) {
    // Keep stdout for the single ready line: anything else that prints to System.out goes to stderr.
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j launcher: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.err.println(Options.USAGE);
      System.exit(0);
      return;
    }

    installSignalHandlers();
    if (options.stopOnStdinEof) {
      watchStdin();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(Launcher::stop, "neo4j-launcher-shutdown"));

    try {
      Path home = options.data != null ? options.data : createTempHome();
      Path importDir = options.importDir != null ? options.importDir : home.resolve("import");
      Files.createDirectories(home);
      Files.createDirectories(importDir);
      home = home.toRealPath();
      importDir = importDir.toRealPath();

      long pageCache = SettingValueParsers.BYTES.parse(options.pagecache);
      long transactionMemory = SettingValueParsers.BYTES.parse(options.transactionMemory);
      System.err.printf(
          Locale.ROOT,
          "neo4j launcher: starting Neo4j embedded, home=%s import=%s bolt=%s:%d pagecache=%s"
              + " transaction timeout=%s memory=%s%n",
          home,
          importDir,
          HOST,
          options.port,
          options.pagecache,
          options.transactionTimeout,
          options.transactionMemory);

      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
          .setConfig(GraphDatabaseSettings.allow_file_urls, true)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          .setConfig(GraphDatabaseSettings.transaction_timeout, options.transactionTimeout)
          .setConfig(GraphDatabaseSettings.memory_tracking, true)
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, Runtime.getRuntime().maxMemory() / 2)
          .setConfig(GraphDatabaseSettings.memory_transaction_database_max_size, 0L)
          .setConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMemory)
          // No anonymous usage reports (dbms.usage_report.enabled).
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // Test data dirs come and go: don't preallocate 256 MiB transaction log files in each.
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          // Netty's default 5 s quiet period (twice, one per event loop group) makes every stop take 10+ s; Bolt
          // connections are already closed by then, so skip it.
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);

      // Under the lock so a shutdown hook that fires meanwhile waits for the DBMS and then stops it.
      DatabaseManagementService service = null;
      synchronized (LIFECYCLE) {
        if (!stopped) {
          service = builder.build();
          dbms = service;
        }
      }
      if (service == null) {
        exit(0); // Outside the lock: exit() runs the shutdown hook, which takes it.
        return;
      }

      GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
        throw new IllegalStateException("database '" + db.databaseName() + "' did not become available");
      }
      waitForBolt(options.port);

      if (STOP_REQUESTED.getCount() > 0) {
        stdout.println("ready bolt://" + HOST + ":" + options.port + " import=" + importDir);
        stdout.flush();
      }

      STOP_REQUESTED.await();
      stop();
      exit(0);
    } catch (Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println("neo4j launcher: failed: " + root);
      t.printStackTrace(System.err);
      stop();
      exit(1);
    }
  }

  /** SIGTERM/SIGINT: wake the main thread, which shuts down and exits 0 (the JVM default would exit 143/130). */
  private static void installSignalHandlers() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          System.err.println("neo4j launcher: SIG" + name + " received, shutting down");
          STOP_REQUESTED.countDown();
        });
      } catch (IllegalArgumentException e) {
        // Signal not available on this platform (or -Xrs): the shutdown hook still stops the DBMS.
        System.err.println("neo4j launcher: cannot handle SIG" + name + ": " + e.getMessage());
      }
    }
  }

  /** Treats end of stdin (the parent went away) like SIGTERM. */
  private static void watchStdin() {
    Thread watcher = new Thread(() -> {
      byte[] buffer = new byte[256];
      try {
        while (System.in.read(buffer) >= 0) {
          // Ignore input; only end of file matters.
        }
      } catch (IOException e) {
        // Treat a broken stdin like end of file.
      }
      System.err.println("neo4j launcher: stdin closed, shutting down");
      STOP_REQUESTED.countDown();
    }, "neo4j-launcher-stdin-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Shuts the DBMS down once (from main or the shutdown hook) and removes a temp home. */
  private static void stop() {
    synchronized (LIFECYCLE) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (dbms != null) {
        try {
          dbms.shutdown();
          System.err.println("neo4j launcher: Neo4j stopped");
        } catch (Throwable t) {
          System.err.println("neo4j launcher: error during shutdown: " + t);
        }
        dbms = null;
      }
      if (tempHome != null) {
        deleteRecursively(tempHome);
        tempHome = null;
      }
    }
  }

  private static void exit(int code) {
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static Path createTempHome() throws IOException {
    Path dir = Files.createTempDirectory("statecraft-neo4j-");
    synchronized (LIFECYCLE) {
      tempHome = dir;
    }
    return dir;
  }

  /** The Bolt connector is started by build(); confirm it really accepts TCP connections before saying ready. */
  private static void waitForBolt(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1000);
        return;
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("Bolt did not accept connections on " + HOST + ":" + port, last);
  }

  private static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("neo4j launcher: could not delete temp dir " + root + ": " + e);
    }
  }

  private static final class Options {
    static final String USAGE =
        "usage: Launcher [--port N] [--data DIR] [--import DIR] [--pagecache SIZE] [--transaction-timeout DURATION]\n"
            + "                [--transaction-memory SIZE] [--stop-on-stdin-eof]\n"
            + "  --port N          Bolt port on 127.0.0.1 (default: $NEO4J_PORT, else 7687)\n"
            + "  --data DIR        Neo4j home for databases and logs (default: temp dir deleted on exit)\n"
            + "  --import DIR      LOAD CSV root for file:/// URLs (default: <data>/import)\n"
            + "  --pagecache SIZE  page cache, e.g. 512m, 1g (default: 1g)\n"
            + "  --transaction-timeout DURATION  db.transaction.timeout, e.g. 60s (default: 60s; 0 = none)\n"
            + "  --transaction-memory SIZE  db.memory.transaction.max, e.g. 256m (default: 256m)\n"
            + "  --stop-on-stdin-eof  also shut down when stdin is closed (for parents that may be killed)";

    int port;
    Path data;
    Path importDir;
    String pagecache = "1g";
    Duration transactionTimeout = Duration.ofSeconds(60);
    String transactionMemory = "256m";
    boolean help;
    boolean stopOnStdinEof;

    static Options parse(String[] args) {
      Options o = new Options();
      String port = System.getenv("NEO4J_PORT");
      if (port != null && port.isBlank()) {
        port = null;
      }
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        switch (name) {
          case "-h", "--help" -> o.help = true;
          case "--stop-on-stdin-eof" -> o.stopOnStdinEof = true;
          case "--port", "--data", "--import", "--pagecache", "--transaction-timeout", "--transaction-memory" -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
              }
              value = args[++i];
            }
            if (value.isBlank()) {
              throw new IllegalArgumentException(name + " needs a non-empty value");
            }
            switch (name) {
              case "--port" -> port = value;
              case "--data" -> o.data = Path.of(value).toAbsolutePath().normalize();
              case "--import" -> o.importDir = Path.of(value).toAbsolutePath().normalize();
              case "--transaction-timeout" -> o.transactionTimeout = parseDuration(value.trim());
              case "--transaction-memory" -> o.transactionMemory = value.trim();
              default -> o.pagecache = value.trim();
            }
          }
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      o.port = parsePort(port == null ? "7687" : port.trim());
      try {
        SettingValueParsers.BYTES.parse(o.pagecache);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("bad --pagecache value '" + o.pagecache + "': " + e.getMessage());
      }
      try {
        SettingValueParsers.BYTES.parse(o.transactionMemory);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "bad --transaction-memory value '" + o.transactionMemory + "': " + e.getMessage());
      }
      return o;
    }

    private static Duration parseDuration(String text) {
      try {
        return SettingValueParsers.DURATION.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("bad --transaction-timeout value '" + text + "': " + e.getMessage());
      }
    }

    private static int parsePort(String text) {
      int port;
      try {
        port = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port '" + text + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be a concrete port 1..65535, got " + port);
      }
      return port;
    }
  }
}
