package io.firstpin.operations;

import io.firstpin.operations.internal.DatabaseCopier;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The {@code --move-to} command: {@code java -jar firstpin.jar --move-to=jdbc:postgresql://host:5432/db
 * --move-to-username=… --move-to-password=…}, started against the database Firstpin runs on (the embedded default),
 * copies everything into an empty PostgreSQL database and exits. The application starts without opening its port,
 * without its jobs and without the demo loader, so nothing writes to the source while it is read.
 */
public final class DatabaseMove {

    public static final int MOVED = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private DatabaseMove() {
    }

    public static boolean requested(String[] args) {
        return MoveTarget.requested(args);
    }

    /** Runs the move with the application's configuration and answers the process's exit code. */
    public static int run(Class<?> application, String[] args, PrintStream console) {
        MoveTarget target;
        try {
            target = MoveTarget.of(args);
        } catch (MoveRefused e) {
            console.println("Not moved: " + e.getMessage());
            return USAGE;
        }
        SpringApplication app = new SpringApplication(application);
        // the application as configured, with no port opened (server.port -1), no job run and no demo loaded
        app.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                "firstpinMove", Map.of("server.port", "-1", "db-scheduler.enabled", "false", "firstpin.demo", "false"))));
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            console.println("Not moved: Firstpin could not start on its database (is it still running? stop it first): "
                    + e.getMessage());
            return REFUSED;
        }
        try (context) {
            console.println("Moving to " + target.url());
            Map<String, Integer> copied = context.getBean(DatabaseCopier.class).move(target, console::println);
            long rows = copied.values().stream().mapToLong(Integer::longValue).sum();
            console.println(String.format(Locale.ROOT,
                    "Moved %,d rows in %d tables in %d s; every table's row count matches. "
                            + "Start Firstpin with SPRING_DATASOURCE_URL=%s (and its username and password).",
                    rows, copied.size(), (System.nanoTime() - started) / 1_000_000_000L, target.url()));
            return MOVED;
        } catch (MoveRefused e) {
            console.println("Not moved: " + e.getMessage());
            return REFUSED;
        }
    }
}
