package io.novatune.deploy.flags;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads a command's flags and the values that follow them, with errors that name the flag. */
public final class FlagValues {

    public static final int EXIT_BAD_ARGUMENTS = 2;

    private FlagValues() {
    }

    /**
     * The command's options, parsed by {@code parse}, or the process ends: with the usage on {@code --help} (exit 0),
     * or with the reason and the usage when {@code parse} refuses an argument (exit {@value #EXIT_BAD_ARGUMENTS}).
     */
    public static <T> T parseOrExit(String[] args, String usage, Function<String[], T> parse) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(usage);
            System.exit(0);
        }
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(EXIT_BAD_ARGUMENTS);
            throw e; // not reached: System.exit does not return
        }
    }

    public static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    public static int positive(String[] args, int index, String flag) {
        String value = value(args, index, flag);
        try {
            int number = Integer.parseInt(value);
            if (number <= 0) {
                throw new IllegalArgumentException(flag + " must be positive, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }

    /** An offset or partition number: 0 is valid. */
    public static long nonNegative(String[] args, int index, String flag) {
        return nonNegative(value(args, index, flag), flag);
    }

    /** A comma-separated list of partition numbers, e.g. {@code 0,2}: sorted, each once. */
    public static List<Integer> partitionList(String[] args, int index, String flag) {
        TreeSet<Integer> partitions = new TreeSet<>();
        for (String partition : value(args, index, flag).split(",", -1)) {
            long number = nonNegative(partition.trim(), flag);
            if (number > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(flag + " names no partition: " + partition);
            }
            partitions.add((int) number);
        }
        return List.copyOf(partitions);
    }

    private static long nonNegative(String value, String flag) {
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new IllegalArgumentException(flag + " must be 0 or more, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + (value.isEmpty() ? "an empty value" : value));
        }
    }
}
