package org.netzerocities.launcher;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code redrive}: dead-letter records back to their topic, or {@code --list} how many wait. */
@Command(name = "redrive", sortOptions = false, usageHelpAutoWidth = true,
        header = "Moves dead-letter records back to their topic, or lists how many wait.",
        description = "Moves the records of <topic>.DLT back to the topic they failed on (the "
                + DeadLetterRedrive.ORIGINAL_TOPIC_HEADER + " header), with their key, value and headers but without "
                + "the " + DeadLetterRedrive.DEAD_LETTER_HEADER_PREFIX + "* ones, once the consumer is fixed. "
                + "Progress is kept as the offsets of the consumer group " + DeadLetterRedrive.GROUP + ".")
final class RedriveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", descriptionKey = "KAFKA_BOOTSTRAP_SERVERS",
            defaultValue = "localhost:" + StackOptions.DEFAULT_KAFKA_PORT,
            description = "Kafka (env KAFKA_BOOTSTRAP_SERVERS, default ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    static final class Action {

        @ArgGroup(exclusive = false, multiplicity = "1")
        private Move move;

        @Option(names = "--list", required = true,
                description = "List every *.DLT topic with how many records wait in it.")
        private boolean list;
    }

    static final class Move {

        @Option(names = "--topic", paramLabel = "TOPIC", required = true,
                description = "Move the records of TOPIC.DLT.")
        private String topic;

        @Option(names = "--max", paramLabel = "N", description = "Move at most N records (default: all).")
        private int max = Integer.MAX_VALUE;

        @Option(names = "--dry-run", description = "Only count what would move; move and commit nothing.")
        private boolean dryRun;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DeadLetterRedrive redrive = new DeadLetterRedrive(bootstrapServers);
        if (action.list) {
            Map<String, Long> depths = redrive.depths();
            if (depths.isEmpty()) {
                out.println("no dead-letter topic (*" + DeadLetterRedrive.DEAD_LETTER_SUFFIX + ") on " + bootstrapServers);
            }
            depths.forEach((topic, depth) -> out.printf("%-50s %d%n", topic, depth));
            return 0;
        }
        Move move = action.move;
        if (move.max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1, got " + move.max);
        }
        String deadLetterTopic = DeadLetterRedrive.deadLetterTopic(move.topic);
        Map<String, Integer> moved = redrive.redrive(move.topic, move.max, move.dryRun);
        if (moved.isEmpty()) {
            out.println(deadLetterTopic + ": nothing to move");
        }
        moved.forEach((topic, count) -> out.printf("%s: %s %d record(s) to %s%n", deadLetterTopic,
                move.dryRun ? "would move" : "moved", count, topic));
        return 0;
    }
}
