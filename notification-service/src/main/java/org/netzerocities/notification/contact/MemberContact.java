package org.netzerocities.notification.contact;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a member to reach them and to pick audiences: the contact from community-service's
 * internal contact topic, the profile and city roles from its members topic. The two topics arrive in any order,
 * so any part may still be missing ({@code null}); the document goes when the member is erased.
 *
 * @param language  the member's first language, for messages
 * @param cityRoles city-bound roles, for audiences such as a city's transition team
 */
@Document(ContactProjection.COLLECTION)
// the audiences' queries (Audiences) on a real MongoDB: a city (and its members' interests), a city's role holders
@CompoundIndex(name = "city_interests", def = "{'city': 1, 'interests': 1}")
@CompoundIndex(name = "city_roles", def = "{'cityRoles.city': 1, 'cityRoles.role': 1}")
public record MemberContact(@Id String memberId, String email, Boolean emailVerified, String language,
        String timeZone, String displayName, String city, @Indexed List<String> languages, List<String> interests,
        Boolean directoryVisible, List<CityRole> cityRoles) {

    public record CityRole(String role, String city) {
    }
}
