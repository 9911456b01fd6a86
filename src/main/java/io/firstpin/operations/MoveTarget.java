package io.firstpin.operations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The PostgreSQL database to move to, from the command line: {@code --move-to=jdbc:postgresql://host:5432/db
 * --move-to-username=… --move-to-password=…}.
 */
public record MoveTarget(String url, String username, String password) {

    static final String URL_OPTION = "--move-to=";
    static final String USERNAME_OPTION = "--move-to-username=";
    static final String PASSWORD_OPTION = "--move-to-password=";

    public MoveTarget {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new MoveRefused("--move-to takes the JDBC URL of a PostgreSQL database, "
                    + "e.g. --move-to=jdbc:postgresql://localhost:5432/firstpin; got: " + url);
        }
    }

    static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith(URL_OPTION));
    }

    static MoveTarget of(String[] args) {
        return new MoveTarget(option(args, URL_OPTION).orElse(null), option(args, USERNAME_OPTION).orElse(null),
                option(args, PASSWORD_OPTION).orElse(null));
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .reduce((first, second) -> second);
    }

    @Override
    public String toString() {
        return "MoveTarget[" + url + " as " + username + "]";
    }
}
