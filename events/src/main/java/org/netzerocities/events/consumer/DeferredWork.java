package org.netzerocities.events.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Work a handler starts but need not see finished before the next event is handled, such as records handed to the
 * producer. While the {@link EventDispatcher} dispatches a poll's records, it collects such work and awaits it all
 * once, before the poll's offsets are committed: a poll of many events then waits for the broker once, not once per
 * event. Outside a dispatch (a handler called directly), nothing collects it, and the caller awaits it itself.
 */
public final class DeferredWork {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private DeferredWork() {
    }

    /**
     * Leaves {@code work} to be awaited before the offsets of the record being dispatched are committed.
     *
     * @return false when no dispatch collects work on this thread: the caller must then await {@code work} itself
     */
    public static boolean defer(CompletableFuture<?> work) {
        Scope scope = CURRENT.get();
        if (scope == null || scope.suspended) {
            return false;
        }
        scope.pending.add(new Pending(scope.recordIndex, work));
        return true;
    }

    /** The scope of the batch being dispatched on this thread, if any. */
    static Scope current() {
        return CURRENT.get();
    }

    /** Work left by the record at {@code recordIndex} of the batch. */
    record Pending(int recordIndex, CompletableFuture<?> work) {
    }

    /** The work deferred on this thread while a batch is dispatched; closed by the dispatcher. */
    static final class Scope implements AutoCloseable {

        private final List<Pending> pending = new ArrayList<>();
        private int recordIndex;
        private boolean suspended;

        static Scope open() {
            Scope scope = new Scope();
            CURRENT.set(scope);
            return scope;
        }

        void at(int index) {
            recordIndex = index;
        }

        /** While true, handlers await their own work (an event whose processed mark follows its effects). */
        void suspend(boolean suspended) {
            this.suspended = suspended;
        }

        List<Pending> pending() {
            return pending;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
