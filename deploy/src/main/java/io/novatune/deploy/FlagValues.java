package io.novatune.deploy;

/** Reads the value that follows a command-line flag, with errors that name the flag. */
final class FlagValues {

    private FlagValues() {
    }

    static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    static int positive(String[] args, int index, String flag) {
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
}
