package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Map;

/** The corpus cases, for tests outside this package that run them another way. */
public final class CommandCorpusTestAccess {
    private CommandCorpusTestAccess() {
    }

    public record Case(String title, String text, Map<String, String> options) {
    }

    /** The text of every valid command: the seeds of fuzzed inputs. */
    public static List<String> validTexts() {
        return CommandCorpusTest.valid().stream().map(CommandCase::text).toList();
    }

    public static List<Case> invalidWithSecrets(String mark) {
        return withSecrets(CommandCorpusTest.invalid(), mark);
    }

    public static List<Case> validWithSecrets(String mark) {
        return withSecrets(CommandCorpusTest.valid(), mark);
    }

    private static List<Case> withSecrets(List<CommandCase> cases, String mark) {
        return cases.stream()
                .filter(c -> c.text().contains(mark) || c.options().values().stream().anyMatch(v -> v.contains(mark)))
                .map(c -> new Case(c.title(), c.text(), c.options()))
                .toList();
    }
}
