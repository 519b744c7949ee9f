/*
 * Statecraft bulk first load through the launcher's own Neo4j artifacts: runs `neo4j-admin database import full` (the
 * AdminTool of the same Neo4j 5.26 jars the Launcher runs) into the Neo4j home the Launcher uses as --data, so that
 * `npm run load -- --bulk --neo4j-home DIR` needs no Neo4j install. Started by import.sh; see src/cli/load-bulk.ts.
 *
 *   BulkImport --data DIR [--database NAME] -- <arguments of neo4j-admin database import full, without the database>
 *
 * The import tool writes a store from scratch, so it is only for an empty database: when the database already exists
 * in DIR it is opened first (embedded, no Bolt) and the import is refused unless it holds no node and no
 * relationship; an empty one (a launcher started once) is then overwritten. Exit codes: 0 imported; 2 bad
 * arguments; 3 the database is not empty; 4 DIR is in use by a running Neo4j (stop it first); otherwise the import
 * tool's own code. Messages go to stderr, the import tool's progress to stdout.
 */
package dev.statecraft.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

public final class BulkImport {
  static final int BAD_ARGUMENTS = 2;
  static final int NOT_EMPTY = 3;
  static final int IN_USE = 4;

  private BulkImport() {}

  public static void main(String[] args) {
    Path home = null;
    String database = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    int split = Arrays.asList(args).indexOf("--");
    if (split < 0) {
      fail(BAD_ARGUMENTS, "usage: BulkImport --data DIR [--database NAME] -- <neo4j-admin database import full args>");
    }
    for (int i = 0; i < split; i++) {
      if (args[i].equals("--data") && i + 1 < split) {
        home = Path.of(args[++i]).toAbsolutePath().normalize();
      } else if (args[i].equals("--database") && i + 1 < split) {
        database = args[++i];
      } else {
        fail(BAD_ARGUMENTS, "unknown or incomplete argument: " + args[i]);
      }
    }
    if (home == null) {
      fail(BAD_ARGUMENTS, "--data DIR is required (the Neo4j home the launcher runs with --data)");
    }
    List<String> command = new ArrayList<>(List.of("database", "import", "full"));
    command.addAll(Arrays.asList(args).subList(split + 1, args.length));
    if (Files.isDirectory(home.resolve("data/databases").resolve(database))) {
      long[] counts = count(home, database);
      if (counts[0] > 0 || counts[1] > 0) {
        fail(
            NOT_EMPTY,
            String.format(
                "database '%s' in %s holds %d nodes and %d relationships; the bulk import only fills an empty"
                    + " database (load into it with `npm run load` instead, or point --neo4j-home at a new directory)",
                database, home, counts[0], counts[1]));
      }
      command.add("--overwrite-destination=true");
    }
    command.add(database);
    try {
      Files.createDirectories(home.resolve("conf"));
    } catch (java.io.IOException e) {
      fail(BAD_ARGUMENTS, "cannot create " + home.resolve("conf") + ": " + e);
    }
    int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), command.toArray(String[]::new));
    System.out.flush();
    System.exit(code);
  }

  /** Nodes and relationships of the database, opened embedded without Bolt; exits IN_USE when it is locked. */
  private static long[] count(Path home, String database) {
    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .build();
    } catch (RuntimeException e) {
      fail(IN_USE, "cannot open " + home + " (" + rootCause(e) + "); is Neo4j running with it? Stop it first");
      return null;
    }
    try {
      GraphDatabaseService db = dbms.database(database);
      try (Transaction tx = db.beginTx()) {
        long nodes = (Long) tx.execute("MATCH (n) RETURN count(n) AS c").next().get("c");
        long relationships = (Long) tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
        return new long[] {nodes, relationships};
      }
    } finally {
      dbms.shutdown();
    }
  }

  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  private static void fail(int code, String message) {
    System.err.println("neo4j bulk import: " + message);
    System.exit(code);
  }
}
