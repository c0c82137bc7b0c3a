package org.netzerocities.launcher;

import java.lang.reflect.Method;

/**
 * Main class of the broker JVM: {@code kafka.Kafka} plus a watchdog that shuts the broker down (gracefully, through
 * its shutdown hook) when the launcher that started it is gone, so a launcher killed with SIGKILL leaves no broker
 * holding the ports and the data dir.
 *
 * <p>Arguments: {@code <launcher pid> <server.properties>}.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaServerMain <launcher pid> <server.properties>");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("launcher (pid " + parentPid + ") is gone: stopping the broker");
                    System.exit(0);
                }),
                () -> System.exit(0));
        // kafka_2.13 is a runtime dependency of this module: not on the compile classpath
        Method main = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {args[1]});
    }
}
