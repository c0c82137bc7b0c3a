package org.netzerocities.launcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test classes that share one started platform, so that it stops as soon as the last of them has run rather
 * than when the whole run ends: two platforms never run side by side on the build machine's two cores (failsafe
 * runs the classes in alphabetical order, each platform's users one after the other).
 */
final class PlatformUsers {

    private PlatformUsers() {
    }

    /** Notes that the context's class has run; true once every one of {@code users} has. */
    @SuppressWarnings("unchecked")
    static boolean allRan(ExtensionContext context, ExtensionContext.Namespace platform, Set<Class<?>> users) {
        Set<Class<?>> ran = context.getRoot().getStore(platform)
                .computeIfAbsent("ran", key -> ConcurrentHashMap.<Class<?>>newKeySet(), Set.class);
        ran.add(context.getRequiredTestClass());
        return ran.containsAll(users);
    }

    /** Stops the platform of the namespace now, if it was started; JUnit closes nothing that was removed. */
    static void stop(ExtensionContext context, ExtensionContext.Namespace platform, Class<? extends AutoCloseable> type)
            throws Exception {
        AutoCloseable running = context.getRoot().getStore(platform).remove(type, type);
        if (running != null) {
            running.close();
        }
    }
}
