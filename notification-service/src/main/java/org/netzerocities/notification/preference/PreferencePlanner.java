package org.netzerocities.notification.preference;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.springframework.stereotype.Component;

/** The platform's defaults until members' own preferences are stored: every channel, emails at once; opt-in kinds nowhere. */
@Component
class PreferencePlanner implements DeliveryPlanner {

    private static final ChannelPlan EVERYWHERE = new ChannelPlan(true, true, ChannelPlan.EmailMode.IMMEDIATE);

    @Override
    public List<ChannelPlan> plan(List<NotificationDraft> drafts, Map<String, MemberContact> contacts, Instant now) {
        return drafts.stream().map(draft -> draft.kind().optIn() && !draft.kind().critical() ? ChannelPlan.NOWHERE
                : EVERYWHERE).toList();
    }
}
