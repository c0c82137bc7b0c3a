package org.netzerocities.notification.contact;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What this service knows of a member to reach them: its projection of community-service's members. */
@Document("member_contacts")
public record MemberContact(@Id String memberId, String email, String displayName, String city,
        List<String> languages) {
}
