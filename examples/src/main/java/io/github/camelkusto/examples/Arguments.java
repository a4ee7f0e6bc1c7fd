package io.github.camelkusto.examples;

import java.util.ArrayList;
import java.util.List;

/** The command line of {@link KustoExportCli}: a mode, options, and positional arguments; never shows the token. */
record Arguments(String mode, String data, String storage, int durationSeconds, int maxMessages, boolean noWait,
        int port, String database, String token, int storageRetryAttempts, String cluster, String pushdown,
        String format, List<String> positional) {

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no mode given");
        }
        String data = null;
        String storage = null;
        int duration = 0;
        int maxMessages = 0;
        boolean noWait = false;
        int port = 0;
        String database = null;
        String token = null;
        int storageRetryAttempts = 0;
        String cluster = null;
        String pushdown = null;
        String format = null;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data" -> data = value(args, ++i, arg);
                case "--storage" -> storage = value(args, ++i, arg);
                case "--duration" -> duration = number(args, ++i, arg);
                case "--max-messages" -> maxMessages = number(args, ++i, arg);
                case "--no-wait" -> noWait = true;
                case "--port" -> port = number(args, ++i, arg);
                case "--database" -> database = value(args, ++i, arg);
                case "--token" -> token = value(args, ++i, arg);
                case "--storage-retry-attempts" -> storageRetryAttempts = number(args, ++i, arg);
                case "--cluster" -> cluster = value(args, ++i, arg);
                case "--pushdown" -> pushdown = value(args, ++i, arg);
                case "--format" -> format = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        return new Arguments(args[0], data, storage, duration, maxMessages, noWait, port, database, token,
                storageRetryAttempts, cluster, pushdown, format, List.copyOf(positional));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "Arguments[mode=" + mode + ", data=" + data + ", noWait=" + noWait + ", port=" + port + ", database="
                + database + ", token=" + (token == null ? "none" : "****") + ", storageRetryAttempts="
                + storageRetryAttempts + ", cluster=" + cluster + ", pushdown=" + pushdown + ", format=" + format
                + ", positional=" + positional + "]";
    }
}
