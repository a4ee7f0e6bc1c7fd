package io.github.camelkusto.export.command;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a user types, the component answers with a result or a {@link KustoException}: never another
 * exception that a route's {@code onException(KustoException.class)} would miss. Every valid corpus command is
 * cut at every position and has awkward characters put at every position.
 */
class CommandRobustnessTest {
    private static final String[] INSERTS = {"'", "\"", "\\", "0x", "(", ")", "\u0000", "h'", "@'", "<|", "=", ","};

    @Test
    void everyTruncationAndInsertionIsAnsweredWithAResultOrAKustoException() {
        List<String> unexpected = new ArrayList<>();
        int tried = 0;
        for (CommandCase c : CommandCorpusTest.valid()) {
            String text = c.text();
            for (int at = 0; at <= text.length(); at++) {
                tried += check(c, text.substring(0, at), unexpected);
                for (String insert : INSERTS) {
                    tried += check(c, text.substring(0, at) + insert + text.substring(at), unexpected);
                }
            }
        }
        assertThat(tried).isGreaterThan(50_000);
        assertThat(unexpected).as("inputs answered with something other than a KustoException").isEmpty();
    }

    private static int check(CommandCase c, String text, List<String> unexpected) {
        try {
            CommandCorpusTest.parseAndValidate(new CommandCase(c.file(), c.line(), c.title(), c.options(), text, ""));
        } catch (KustoException expected) {
            // a clear error: fine
        } catch (RuntimeException e) {
            if (unexpected.size() < 20) {
                unexpected.add(e + " for " + text.replace("\n", "\\n"));
            }
        }
        return 1;
    }
}
