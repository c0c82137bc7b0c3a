package org.netzerocities.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Background housekeeping on a daemon thread, running while the application runs; a failed run is retried next time. */
public class Periodic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration interval;
    private final Task task;
    private ScheduledExecutorService scheduler;

    public Periodic(String name, Duration interval, Task task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            task.run();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            log.debug("{} failed, retried in {}: {}", name, interval, ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }
}
