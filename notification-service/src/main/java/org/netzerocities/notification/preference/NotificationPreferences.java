package org.netzerocities.notification.preference;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;

/**
 * What a member chose, completed with the platform's defaults for what they did not.
 *
 * @param channels   every category's switches
 * @param optedIn    the opt-in kinds (city-wide announcements) the member asked for; the others reach nobody
 * @param quietHours null when the member set none
 */
public record NotificationPreferences(Map<Category, ChannelChoice> channels, Set<Kind> optedIn,
        QuietHours quietHours) {

    public NotificationPreferences {
        channels = Map.copyOf(channels);
        optedIn = Set.copyOf(optedIn);
    }

    /**
     * The defaults of a citizen platform: in the inbox and live for everything; email at once for most, but the
     * daily digest for campaigns, whose teams' posts come and go all day; no city-wide announcement before the
     * member asks for it; no quiet hours (the weekly budget is what stops a flood).
     */
    public static final NotificationPreferences DEFAULTS = defaults();

    public ChannelChoice of(Category category) {
        return channels.get(category);
    }

    private static NotificationPreferences defaults() {
        Map<Category, ChannelChoice> channels = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            channels.put(category, new ChannelChoice(true, true,
                    category == Category.CAMPAIGNS ? EmailChoice.DAILY_DIGEST : EmailChoice.IMMEDIATE));
        }
        return new NotificationPreferences(channels, Set.of(), null);
    }
}
