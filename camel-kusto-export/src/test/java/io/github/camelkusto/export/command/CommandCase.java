package io.github.camelkusto.export.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One case of a command corpus file ({@code src/test/resources/commands/*.txt}):
 *
 * <pre>
 * === title
 * &#64;option name=value        (zero or more endpoint options)
 * the command text, one or more lines
 * ---
 * what is expected: the parsed model, or the exact error message
 * </pre>
 *
 * Lines starting with {@code #} between cases are comments.
 */
record CommandCase(String file, int line, String title, Map<String, String> options, String text, String expected) {

    @Override
    public String toString() {
        return file + ":" + line + " " + title;
    }

    static Path corpus(String name) {
        try {
            return Path.of(Objects.requireNonNull(CommandCase.class.getResource("/commands/" + name),
                    "no corpus " + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CommandCase> load(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(corpus(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CommandCase> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("=== ")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalStateException(name + ":" + (i + 1) + ": expected '=== title', found " + line);
                }
                i++;
                continue;
            }
            int start = i + 1;
            String title = line.substring(4).strip();
            Map<String, String> options = new LinkedHashMap<>();
            i++;
            while (i < lines.size() && lines.get(i).startsWith("@option ")) {
                String[] kv = lines.get(i).substring("@option ".length()).split("=", 2);
                options.put(kv[0].strip(), kv[1]);
                i++;
            }
            StringBuilder text = new StringBuilder();
            while (i < lines.size() && !lines.get(i).equals("---")) {
                text.append(lines.get(i)).append('\n');
                i++;
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).startsWith("=== ")) {
                expected.append(lines.get(i)).append('\n');
                i++;
            }
            cases.add(new CommandCase(name, start, title, options, stripLastNewline(text.toString()),
                    expected.toString().stripTrailing()));
        }
        return cases;
    }

    /** The command text without the newline that ends its last line (a command may end in blanks on purpose). */
    private static String stripLastNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Rewrites a corpus file with new expectations, keeping everything else: used to regenerate, then review. */
    static void rewrite(String name, Map<Integer, String> expectedByLine) throws IOException {
        Path source = Path.of("src/test/resources/commands", name);
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            i++;
            if (line.startsWith("=== ")) {
                int start = i;
                while (i < lines.size() && !lines.get(i).equals("---")) {
                    out.add(lines.get(i));
                    i++;
                }
                out.add("---");
                i++;
                while (i < lines.size() && !lines.get(i).startsWith("=== ")) {
                    i++;
                }
                out.addAll(List.of(expectedByLine.get(start).split("\n", -1)));
                out.add("");
            }
        }
        Files.write(source, out, StandardCharsets.UTF_8);
    }
}
